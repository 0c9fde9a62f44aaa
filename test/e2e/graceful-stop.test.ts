import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { toCsv } from "../../src/report/csv.ts";
import type { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import type { SimulatedUser } from "../emulator/simulated-user.ts";
import { studyText } from "../support/questionnaires.ts";
import { BotProcess } from "./bot-process.ts";
import { disposeHarness, type Harness, startHarness } from "./harness.ts";

const t = Translations.load().forLanguage("en");
const COORDINATOR = 790_001;
/** Long enough that the stop surely comes while the call is under way; far below the stop deadline. */
const SLOW_CALL_MS = 1500;

let harness: Harness;
let emulator: BotApiEmulator;
let bot: BotProcess;

beforeEach(async () => {
  harness = await startHarness("stop");
  emulator = harness.emulator;
  bot = new BotProcess({ emulator, dataDir: harness.dataDir, coordinatorIds: [COORDINATOR] });
  harness.bot = bot;
  onTestFailed(() => console.error(`Bot log:\n${bot.output()}`));
});

afterEach(async () => {
  await disposeHarness(harness);
});

/** An English expert at question 1 of the education questionnaire, anonymously. */
async function expertAtFirstQuestion(id: number): Promise<SimulatedUser> {
  const user = emulator.user({ id, first_name: "Dana", language_code: "en" });
  await user.act(() => user.sendCommand("/start"));
  await user.act(() => user.pressButton(/English/));
  await user.act(() => user.pressButton(t("consent.agree")));
  await user.act(() => user.pressButton(studyText(t, "titles.education")));
  await user.act(() => user.pressButton(t("anonymity.anonymous")));
  return user;
}

/** Resolves once the bot has made a call to `method` that has not been answered yet. */
async function callUnderWay(method: string): Promise<void> {
  await expect
    .poll(() => emulator.calls.some((call) => call.method === method && call.status === undefined), {
      timeout: 5000,
      interval: 10,
    })
    .toBe(true);
}

function query<T>(sql: string): T {
  const database = new Database(bot.databasePath, { readonly: true });
  try {
    return database.prepare(sql).pluck().get() as T;
  } finally {
    database.close();
  }
}

describe("SIGTERM while updates are being handled", () => {
  it("a press whose screen edit is slow is finished, answered and marked handled before the bot exits", async () => {
    await bot.start();
    const user = await expertAtFirstQuestion(790_101);
    emulator.faults.add({ method: "editMessageText", delayMs: SLOW_CALL_MS });
    const press = user.pressButton(user.buttons()[0]![0]!);
    await callUnderWay("editMessageText");

    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(user.callbackAnswers().map((answer) => answer.query_id)).toContain(press.id);
    expect(user.lastMessage()?.text).toContain("Education · 2/");
    expect(query<number>("select count(*) from answers")).toBe(1);
    expect(query<number>("select max(update_id) from handled_updates")).toBeGreaterThan(0);
    expect(bot.logs().map((record) => record.msg)).toEqual(["bot started", "bot stopped"]);
  });

  it("an import whose file is slow to arrive is stored and reported before the bot exits", async () => {
    await bot.start();
    const coordinator = emulator.user({ id: COORDINATOR, first_name: "Coordinator", language_code: "en" });
    emulator.faults.add({ method: "getFile", delayMs: SLOW_CALL_MS });
    coordinator.sendDocument({
      fileName: "paper.csv",
      mimeType: "text/csv",
      bytes: toCsv([
        ["respondent_id", "wave", "questionnaire", "anonymous", "attitude"],
        ["P-1", 1, "healthcare", "yes", "respectful"],
        ["P-2", 1, "healthcare", "yes", "mistrust"],
      ]),
    });
    await callUnderWay("getFile");

    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(coordinator.lastMessage()?.text).toBe("Imported: 2. Already stored, skipped: 0.");
    expect(query<number>("select count(*) from responses where respondent_key like 'paper:%'")).toBe(2);
  });
});

describe("a storage that keeps failing", () => {
  it("each press is answered 'not saved'; after three the bot exits non-zero and leaves newer updates with Telegram", async () => {
    await bot.start();
    const user = await expertAtFirstQuestion(790_201);
    const option = user.buttons()[0]![0]!;
    // Another program holds the write lock for longer than the bot's busy timeout.
    const other = new Database(bot.databasePath);
    other.exec("begin immediate");
    try {
      for (let press = 1; press <= 3; press += 1) await user.act(() => user.pressButton(option));
      expect(user.callbackAnswers().slice(-3)).toEqual(
        Array(3).fill(expect.objectContaining({ text: t("storage.not_saved"), show_alert: true })),
      );
      expect(await bot.exited()).toEqual({ code: 75, signal: null });
      expect(bot.logs().filter((record) => record.msg === "update not saved: storage failed")).toHaveLength(
        3,
      );

      user.pressButton(option);
      expect(emulator.pendingUpdates()).toBe(1);
    } finally {
      other.exec("rollback");
      other.close();
    }

    await bot.start();
    await user.waitFor((chat) => chat.lastMessage()?.text.includes("Education · 2/") ?? false);
    expect(query<number>("select count(*) from answers")).toBe(1);
  });
});
