import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { stepsFor } from "../support/expert-script.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const t = Translations.load().forLanguage("en");
const account = {
  id: 777_123_456,
  first_name: "Gulnara",
  last_name: "Seitkali",
  username: "gulnara_expert",
  language_code: "en",
};

async function completeQuestionnaire(testBot: TestBot, anonymous: boolean) {
  const user = expert(testBot, account);
  await user.send("/start");
  await user.press(/English/);
  await user.press(t("consent.agree"));
  await user.press("Healthcare");
  await user.press(t(anonymous ? "anonymity.anonymous" : "anonymity.named"));
  const wave = (await testBot.services.waves.openWave("healthcare"))!;
  const key = anonymous
    ? testBot.services.pseudonyms.anonymousRespondent(account.id, "healthcare")
    : testBot.services.pseudonyms.participant(account.id);
  for (let current = (await testBot.services.drafts.find(wave.id, key))!.currentQuestion; current; ) {
    for (const step of stepsFor(t, questionnaire("healthcare"), current)) {
      if ("press" in step) await user.press(step.press);
      else await user.send(step.type);
    }
    current = (await testBot.services.drafts.find(wave.id, key))!.currentQuestion;
  }
  await user.press(t("buttons.submit"));
}

/** Every byte the database keeps on disk: the main file, the write-ahead log and the shared memory. */
function rawDatabaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((file) => file.startsWith("survey.db"))
    .map((file) => readFileSync(join(dir, file)).toString("latin1"))
    .join("\n");
}

const traces = [
  String(account.id),
  account.username,
  account.first_name,
  account.last_name,
  // SQLite stores small integers in binary: look for the id as a big-endian 32-bit value too.
  Buffer.from([0x2e, 0x4b, 0x2b, 0x20]).toString("latin1"),
];

describe("anonymity", () => {
  it("an anonymous expert leaves no trace of their account in the database files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "anonymity-"));
    const testBot = await createTestBot({ databasePath: join(dir, "survey.db") });
    await completeQuestionnaire(testBot, true);
    expect(
      await testBot.services.results.countSubmitted(
        (await testBot.services.waves.openWave("healthcare"))!.id,
      ),
    ).toBe(1);
    const raw = rawDatabaseBytes(dir);
    expect(raw.length).toBeGreaterThan(10_000);
    for (const trace of traces) expect(raw.includes(trace), trace).toBe(false);
  });

  it("a named expert's account is stored, which shows the search would find it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "named-"));
    const testBot = await createTestBot({ databasePath: join(dir, "survey.db") });
    await completeQuestionnaire(testBot, false);
    const raw = rawDatabaseBytes(dir);
    expect(raw.includes(account.username)).toBe(true);
    expect(raw.includes(account.first_name)).toBe(true);
  });
});
