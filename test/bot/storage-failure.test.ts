import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { capturedLog } from "../reliability/captured-log.ts";
import { studyText } from "../support/questionnaires.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const kk = Translations.load().forLanguage("kk");
const EXPERT = { id: 8101, language_code: "kk" };

let dataDir: string;
let log: ReturnType<typeof capturedLog>;
let testBot: TestBot;
let unavailable: number;
const openConnections: Database.Database[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "survey-storage-"));
  log = capturedLog("info");
  unavailable = 0;
  testBot = await createTestBot({
    databasePath: join(dataDir, "survey.db"),
    logger: log.logger,
    storageFailures: {
      threshold: 3,
      onUnavailable: () => {
        unavailable += 1;
      },
    },
  });
});

afterEach(() => {
  for (const connection of openConnections.splice(0)) connection.close();
  testBot.db.$client.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The Kazakh expert at question 1 of the education questionnaire, anonymously. */
async function atFirstQuestion() {
  const user = expert(testBot, EXPERT);
  await user.send("/start");
  await user.press(/Қазақша/);
  await user.press(kk("consent.agree"));
  await user.press(studyText(kk, "titles.education"));
  await user.press(kk("anonymity.anonymous"));
  return user;
}

function storedAnswers(): number {
  return testBot.db.$client.prepare("select count(*) from answers").pluck().get() as number;
}

function lastAnswer() {
  return testBot.telegram.callsOf("answerCallbackQuery").at(-1)?.payload;
}

function notSavedLogs() {
  return log.entries().filter((entry) => entry.msg === "update not saved: storage failed");
}

/** Another program (the CLI, a backup tool) holding the write lock for longer than the busy timeout. */
function holdWriteLock(): Database.Database {
  const other = new Database(join(dataDir, "survey.db"));
  openConnections.push(other);
  other.exec("begin immediate");
  return other;
}

describe("a write the storage refuses is never lost in silence", () => {
  it("a press on a read-only database is answered in the expert's language; pressed again later it is stored", async () => {
    const user = await atFirstQuestion();
    const option = user.labels()[0]!;
    testBot.db.$client.pragma("query_only = ON");

    await user.press(option);
    expect(lastAnswer()).toMatchObject({ text: kk("storage.not_saved"), show_alert: true });
    expect(storedAnswers()).toBe(0);
    expect(notSavedLogs()).toEqual([
      expect.objectContaining({ level: 50, code: "SQLITE_READONLY", failuresInARow: 1, told: true }),
    ]);

    testBot.db.$client.pragma("query_only = OFF");
    await user.press(option);
    expect(storedAnswers()).toBe(1);
    expect(lastAnswer()?.text).not.toBe(kk("storage.not_saved"));
  });

  it("a press while another connection holds the write lock past the busy timeout gets the same answer", async () => {
    const user = await atFirstQuestion();
    const lock = holdWriteLock();

    await user.press(user.labels()[0]!);
    expect(lastAnswer()).toMatchObject({ text: kk("storage.not_saved"), show_alert: true });
    expect(notSavedLogs()).toEqual([expect.objectContaining({ code: "SQLITE_BUSY" })]);

    lock.exec("rollback");
    await user.press(user.labels()[0]!);
    expect(storedAnswers()).toBe(1);
  });

  it("a typed message that cannot be stored gets a reply saying so", async () => {
    const user = await atFirstQuestion();
    testBot.db.$client.pragma("query_only = ON");
    await user.send("/start");
    expect(user.last().text).toBe(kk("storage.not_saved"));
  });

  it("three failures in a row make the bot stop taking updates, once; a success in between starts the count again", async () => {
    const user = await atFirstQuestion();
    const option = user.labels()[0]!;
    testBot.db.$client.pragma("query_only = ON");
    await user.press(option);
    await user.press(option);
    testBot.db.$client.pragma("query_only = OFF");
    await user.send("/help");
    testBot.db.$client.pragma("query_only = ON");
    await user.press(option);
    await user.press(option);
    expect(unavailable).toBe(0);

    await user.press(option);
    await user.press(option);
    expect(unavailable).toBe(1);
    expect(
      log.entries().filter((entry) => entry.msg === "storage unavailable: taking no more updates"),
    ).toHaveLength(1);
  });
});
