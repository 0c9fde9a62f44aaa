import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, Translations } from "../../src/i18n/translator.ts";
import { receiptHash } from "../../src/privacy/receipts.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { BotProcess } from "./bot-process.ts";
import { planOf } from "./expert-plans.ts";
import { readSurveyDatabase } from "./survey-database.ts";
import { SurveyExpert } from "./survey-expert.ts";

const translations = Translations.load();
const EXPERT_COMMANDS = ["start", "language", "help", "cancel"];

/** Education and healthcare in each language, anonymous and named in turn. */
const PLANS = [
  planOf("kk", "education", false, 4),
  planOf("ru", "education", true, 11),
  planOf("en", "education", false, 23),
  planOf("kk", "healthcare", true, 9),
  planOf("ru", "healthcare", false, 17),
  planOf("en", "healthcare", true, 30),
];

let emulator: BotApiEmulator;
let bot: BotProcess;
let dataDir: string;
let experts: SurveyExpert[];
let receipts: string[];
let menus: Record<string, Array<{ command: string; description: string }>>;
let stored: ReturnType<typeof readSurveyDatabase>;
const reviews = new Map<SurveyExpert, ReturnType<SurveyExpert["screen"]>>();

// One bot process serves six experts at once; the checks below read what they left behind.
beforeAll(async () => {
  emulator = new BotApiEmulator({ botUsername: "expert_survey_bot" });
  await emulator.start();
  dataDir = mkdtempSync(join(tmpdir(), "survey-e2e-"));
  bot = new BotProcess({ emulator, dataDir });
  await bot.start();
  experts = PLANS.map((plan, index) => {
    const id = 710_001 + index;
    // The Kazakh education expert's phone is set to Russian: she picks Kazakh herself.
    const phone = plan.language === "kk" && plan.questionnaire === "education" ? "ru" : plan.language;
    const user = emulator.user({
      id,
      first_name: `Expert${index}`,
      username: `expert_${id}`,
      language_code: phone,
    });
    return new SurveyExpert(user, plan, translations);
  });
  const outcomes = await Promise.allSettled(
    experts.map(async (expert) => {
      await expert.onboard();
      await expert.answerUntilReview();
      reviews.set(expert, expert.screen());
      return expert.submit();
    }),
  );
  const failure = outcomes.find((outcome) => outcome.status === "rejected");
  if (failure) throw new Error(`${String(failure.reason)}\nBot log:\n${bot.output()}`);
  receipts = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<string>).value);
  menus = Object.fromEntries(
    [...LANGUAGES, undefined].map((language) => [
      language ?? "default",
      emulator.commands(undefined, language),
    ]),
  );
  await bot.stop();
  stored = readSurveyDatabase(bot.databasePath);
});

afterAll(async () => {
  await bot?.dispose();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  expect(emulator?.internalErrors).toEqual([]);
});

describe("six experts answering at once against the real bot over HTTP", () => {
  it("every expert reaches the review with every answer listed, and gets a receipt in the chat", () => {
    for (const [index, expert] of experts.entries()) {
      const review = reviews.get(expert)!;
      for (const [questionId, shown] of expert.given) {
        const question = expert.questionnaire.questions.find((q) => q.id === questionId)!;
        expect(review.text).toContain(`${expert.questionTitle(question)}: ${shown}`);
      }
      const editButtons = review.buttons.flat().filter((label) => label.startsWith("✏️"));
      expect(editButtons).toHaveLength(expert.given.size);
      expect(expert.screen().text).toContain(receipts[index]);
    }
    expect(new Set(receipts).size).toBe(experts.length);
  });

  it("answers every question once, in order, to the end of the progress count", () => {
    for (const expert of experts) {
      const total = expert.positions.length;
      expect(expert.positions).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const identity = expert.questionnaire.questions.filter((q) => q.section === "identity").length;
      const all = expert.questionnaire.questions.length;
      // Healthcare's complications question shows because the expert answered "yes" to the question before it.
      expect(total).toBe(expert.anonymous ? all - identity : all);
    }
  });

  it("stores exactly one submitted response per expert, with every answer", () => {
    expect(stored.responses).toHaveLength(experts.length);
    for (const [index, expert] of experts.entries()) {
      const response = stored.responses.find((row) => row.receipt_hash === receiptHash(receipts[index]!));
      expect(response).toMatchObject({
        questionnaire: expert.plan.questionnaire,
        anonymous: expert.anonymous ? 1 : 0,
        answers: expert.given.size,
      });
      expect(response?.submitted_at).not.toBeNull();
      const answers = stored.answersOf(response!.id);
      expect(Object.keys(answers).sort()).toEqual([...expert.given.keys()].sort());
      expect(answers.region).toEqual({ kind: "choice", option: "other", other: expert.plan.region });
      expect(answers.experience_years).toEqual({ kind: "integer", value: expert.plan.years });
      expect(answers.recommendations).toEqual({ kind: "text", value: expert.plan.recommendation });
    }
  });

  it("keeps the Telegram accounts of named experts only", () => {
    const named = experts.filter((expert) => !expert.anonymous).map((expert) => expert.user.id);
    expect(stored.expertIds).toEqual(named);
  });

  it("edits the question message in place: a new message only follows a message of the expert", () => {
    for (const expert of experts) {
      const messages = expert.user.messages();
      const edits = messages.reduce((sum, message) => sum + message.edits, 0);
      expect(edits).toBeGreaterThan(0);
      expect(edits).toBeGreaterThanOrEqual(expert.presses);
      expect(messages.length).toBeLessThanOrEqual(expert.sent);
      expect(messages.length).toBeLessThan(expert.given.size / 2);
    }
  });

  it("sets the command menu in each language", () => {
    for (const language of LANGUAGES) {
      const t = translations.forLanguage(language);
      const menu = menus[language]!;
      expect(menu.map((entry) => entry.command)).toEqual(expect.arrayContaining(EXPERT_COMMANDS));
      for (const { command, description } of menu) {
        expect(description).not.toBe(`commands.${command}`);
        expect(description).toBe(t(`commands.${command}`));
      }
    }
    expect(menus.kk!.map((entry) => entry.description).join(" ")).toMatch(/[әғқңөұүһі]/);
    expect(menus.kk).not.toEqual(menus.ru);
    expect(menus.default).toEqual(menus.en);
  });
});
