import { afterEach, beforeEach, expect, it, onTestFailed } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import type { QuestionnaireSummary } from "../../src/stats/summary-types.ts";
import { runCli } from "../cli/run-cli.ts";
import type { SimulatedUser } from "../emulator/simulated-user.ts";
import { EMPLOYMENT_FORM } from "../questionnaire/xlsform/employment-form.ts";
import { formWorkbook } from "../support/form-workbook.ts";
import { BotProcess } from "./bot-process.ts";
import { disposeHarness, type Harness, startHarness } from "./harness.ts";

const kk = Translations.load().forLanguage("kk");
const en = Translations.load().forLanguage("en");
const COORDINATOR = 810_001;

let harness: Harness;

beforeEach(async () => {
  harness = await startHarness("form-install");
  harness.bot = new BotProcess({
    emulator: harness.emulator,
    dataDir: harness.dataDir,
    coordinatorIds: [COORDINATOR],
  });
  onTestFailed(() => console.error(`Bot log:\n${harness.bot.output()}`));
});

afterEach(async () => {
  await disposeHarness(harness);
});

interface KazakhAnswers {
  region: string;
  years: string;
  obstacles: string[];
  ranking: string[];
  comment: string;
}

/** An expert who follows the invitation link of the new form and answers it in Kazakh, anonymously. */
async function answerInKazakh(user: SimulatedUser, answers: KazakhAnswers): Promise<void> {
  await user.act(() => user.sendCommand("/start employment"));
  await user.act(() => user.pressButton(/Қазақша/));
  await user.act(() => user.pressButton(kk("consent.agree")));
  await user.act(() => user.pressButton(kk("anonymity.anonymous")));
  await user.act(() => user.pressButton(answers.region));
  await user.act(() => user.sendText(answers.years));
  for (const obstacle of answers.obstacles) await user.act(() => user.pressButton(obstacle));
  await user.act(() => user.pressButton(kk("buttons.done")));
  // The last item takes the last place without a press.
  for (const item of answers.ranking.slice(0, -1)) await user.act(() => user.pressButton(item));
  await user.act(() => user.sendText(answers.comment));
  await user.act(() => user.pressButton(kk("buttons.submit")));
}

it("a coordinator installs a new trilingual form by sending it; experts answer in Kazakh; /summary and the CLI show shares and W", async () => {
  const { emulator, bot } = harness;
  await bot.start();
  const coordinator = emulator.user({ id: COORDINATOR, first_name: "Gulnara", language_code: "en" });
  const bytes = await formWorkbook(EMPLOYMENT_FORM);
  await coordinator.act(() => coordinator.sendDocument({ fileName: "employment.xlsx", bytes }), {
    timeoutMs: 30_000,
  });
  await coordinator.waitFor((chat) => chat.lastMessage()?.text.includes("Employment") ?? false, 30_000);
  const preview = coordinator.lastMessage()!.text;
  expect(preview).toContain("Жұмыспен қамту");
  expect(preview).toContain("Занятость");
  await coordinator.act(() => coordinator.pressButton(en("coordinator:forms.install")));
  // The button is answered before the form is installed: the confirmation comes after.
  const installed = en("coordinator:forms.installed", { id: "employment", version: "3" });
  await coordinator.waitFor((chat) => chat.lastMessage()?.text.includes(installed) ?? false, 30_000);

  // Rank sums language 4, documents 5, wages 9 over three experts and three items: W = 12·14 / (9·24) = 0.78.
  const experts: KazakhAnswers[] = [
    {
      region: "Алматы",
      years: "5",
      obstacles: ["Тіл", "Құжаттар"],
      ranking: ["Тіл", "Құжаттар", "Төмен жалақы"],
      comment: "Жоқ",
    },
    {
      region: "Түркістан облысы",
      years: "12",
      obstacles: ["Құжаттар", "Төмен жалақы"],
      ranking: ["Құжаттар", "Тіл", "Төмен жалақы"],
      comment: "Құжаттар қиын",
    },
    {
      region: "Алматы",
      years: "3",
      obstacles: ["Тіл", "Құжаттар", "Төмен жалақы"],
      ranking: ["Тіл", "Құжаттар", "Төмен жалақы"],
      comment: "Тіл курстары керек",
    },
  ];
  for (const [index, answers] of experts.entries()) {
    const user = emulator.user({ id: 810_100 + index, first_name: "Айгүл", language_code: "kk" });
    await answerInKazakh(user, answers);
    expect(user.lastMessage()?.text).toContain("Рақмет!");
  }

  const { stdout } = await runCli(bot.databasePath, "summary", "employment", "--json");
  const summary = JSON.parse(stdout) as QuestionnaireSummary;
  expect(summary.respondents).toEqual({ "1": 3 });
  const entry = (id: string) => summary.questions.find((question) => question.id === id);
  const region = entry("region");
  expect(region?.type === "select_one" && region.waves["1"]?.options).toEqual([
    { id: "almaty", count: 2, percent: 66.7 },
    { id: "turkestan", count: 1, percent: 33.3 },
    { id: "abroad", count: 0, percent: 0 },
  ]);
  const ranking = entry("obstacles_rank");
  if (ranking?.type !== "rank") throw new Error("obstacles_rank is summarised as a ranking");
  expect(ranking.waves["1"]?.ranking.map((item) => [item.id, item.meanRank])).toEqual([
    ["language", 1.33],
    ["documents", 1.67],
    ["wages", 3],
  ]);
  expect(ranking.waves["1"]?.kendallW).toBeCloseTo(168 / 216, 4);

  await coordinator.act(() => coordinator.sendCommand("/summary"));
  await coordinator.act(() => coordinator.pressButton("Employment"));
  const waveOne = en("coordinator:wave", { number: 1 });
  await coordinator.waitFor((chat) => chat.buttons().flat().includes(waveOne), 30_000);
  await coordinator.act(() => coordinator.pressButton(waveOne));
  // The button is answered at once; the first page follows once the summary is read.
  await coordinator.waitFor((chat) => /· 1\/\d+/.test(chat.lastMessage()?.text ?? ""), 30_000);
  const first = coordinator.lastMessage()!.text;
  const count = Number(/· 1\/(\d+)/.exec(first)?.[1]);
  const pages = [first];
  for (let page = 2; page <= count; page++) {
    await coordinator.act(() => coordinator.pressButton(en("coordinator:next")));
    // A page with a chart comes as a picture with the text as its caption, once the chart is drawn.
    await coordinator.waitFor(
      (chat) => chat.lastMessage()?.text.includes(`· ${page}/${count}`) ?? false,
      30_000,
    );
    pages.push(coordinator.lastMessage()!.text);
  }
  const all = pages.join("\n");
  expect(all).toContain("• Almaty: 66.7% (2)");
  expect(all).toContain("Kendall's W = 0.78");

  await coordinator.act(() => coordinator.sendCommand("/export"));
  await coordinator.act(() => coordinator.pressButton("CSV for re-import"));
  await coordinator.waitFor(
    (chat) => chat.messages().some((message) => message.document?.fileName === "employment.csv"),
    30_000,
  );
  const csv = coordinator.messages().find((message) => message.document?.fileName === "employment.csv")!;
  const lines = csv
    .document!.bytes.toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toContain("region,experience,obstacles,obstacles_other,obstacles_rank,comment");
  expect(lines.slice(1).map((line) => line.split(",").slice(4, 8).join(","))).toEqual(
    expect.arrayContaining(["almaty,5,language documents,", "turkestan,12,documents wages,"]),
  );
});
