import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import type { CallRecord } from "../emulator/call-log.ts";
import type { FaultSpec } from "../emulator/faults.ts";
import { auditAnswers, snapshotTables } from "./answer-audit.ts";
import { BotProcess } from "./bot-process.ts";
import { planOf } from "./expert-plans.ts";
import { disposeHarness, startHarness } from "./harness.ts";
import { RetryingExpert } from "./retrying-expert.ts";
import { type ExpertPlan, SurveyExpert } from "./survey-expert.ts";

const translations = Translations.load();
// Guards against a hung run only: a fault window closes as soon as its faults have been hit.
const WINDOW_DEADLINE_MS = 10_000;
/** How long a fault window stays open at least: every expert acts in it, and calls retried in it fail again. */
const WINDOW_MS = 1000;
/** Answers each expert must have acknowledged after a window closes, to show the chat goes on. */
const ANSWERS_AFTER_WINDOW = 2;

function expertsOf(emulator: BotApiEmulator, firstId: number, plans: ExpertPlan[]): RetryingExpert[] {
  return plans.map((plan, index) => {
    const user = emulator.user({
      id: firstId + index,
      first_name: `Expert${index}`,
      language_code: plan.language,
    });
    return new RetryingExpert(new SurveyExpert(user, plan, translations));
  });
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + WINDOW_DEADLINE_MS; !condition(); await sleep(5)) {
    if (Date.now() > deadline) throw new Error(`waited ${WINDOW_DEADLINE_MS} ms for ${what}`);
  }
}

/** Failed calls (an error status, or 0 for a dropped connection) that the bot never made again with success. */
function unretried(calls: CallRecord[]): CallRecord[] {
  return calls.filter(
    (call, index) =>
      call.status !== undefined &&
      call.status !== 200 &&
      !calls
        .slice(index + 1)
        .some(
          (later) =>
            later.status === 200 &&
            later.method === call.method &&
            JSON.stringify(later.params) === JSON.stringify(call.params),
        ),
  );
}

function failed(calls: CallRecord[], method: string, status: number): number {
  return calls.filter((call) => call.method === method && call.status === status).length;
}

describe("the Bot API failing for a while as four experts answer", () => {
  let emulator: BotApiEmulator;
  let bot: BotProcess;
  let dataDir: string;
  let experts: RetryingExpert[];

  beforeAll(async () => {
    emulator = new BotApiEmulator({ botUsername: "expert_survey_bot" });
    await emulator.start();
    dataDir = mkdtempSync(join(tmpdir(), "survey-e2e-faults-"));
    bot = new BotProcess({ emulator, dataDir });
    await bot.start();
    experts = expertsOf(emulator, 750_001, [
      planOf("ru", "education", true, 7),
      planOf("kk", "healthcare", false, 19),
      planOf("en", "healthcare", true, 25),
      planOf("en", "education", false, 3),
    ]);
    await Promise.all(experts.map((expert) => expert.runUntilScreen((screen) => screen.kind === "question")));
  });

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    expect(emulator?.internalErrors).toEqual([]);
  });

  beforeEach(() => {
    onTestFailed(() => console.error(`Bot log:\n${bot.output()}`));
  });

  /**
   * Experts answer while `faults` stay armed; the window closes once `hit` holds for the calls so far (and
   * WINDOW_MS has passed), and the experts go on until each has had more answers acknowledged. Returns the
   * calls the bot made meanwhile.
   */
  async function answerThrough(
    faults: FaultSpec[],
    hit: (calls: CallRecord[]) => boolean,
  ): Promise<CallRecord[]> {
    const since = emulator.calls.length;
    const opened = Date.now();
    for (const fault of faults) emulator.faults.add(fault, { times: 10_000 });
    const acknowledgedAtClose = new Map<RetryingExpert, number>();
    const sessions = Promise.all(
      experts.map((expert) =>
        expert.run({
          until: () =>
            expert.acknowledged.size >= (acknowledgedAtClose.get(expert) ?? Number.POSITIVE_INFINITY),
        }),
      ),
    );
    const closed = waitUntil(
      () => Date.now() - opened >= WINDOW_MS && hit(emulator.calls.slice(since)),
      "the faults to be hit",
    );
    await Promise.race([closed, sessions]);
    await closed;
    emulator.faults.clear();
    for (const expert of experts)
      acknowledgedAtClose.set(expert, expert.acknowledged.size + ANSWERS_AFTER_WINDOW);
    await sessions;
    return emulator.calls.slice(since);
  }

  /** The bot got through on its own: every failed call was made again, no expert had to repeat anything. */
  function expectRecovered(calls: CallRecord[]): void {
    expect(unretried(calls)).toEqual([]);
    for (const expert of experts)
      expect({ repeats: expert.repeats, restarts: expert.restarts }).toEqual({ repeats: 0, restarts: 0 });
    expect(bot.logs().filter((record) => record.msg === "update failed")).toEqual([]);
    expect(audit()).toEqual([]);
  }

  function audit(complete = false): string[] {
    const ledgers = experts.map((expert) => expert.ledger());
    return auditAnswers(bot.databasePath, ledgers, { keyFile: join(dataDir, "pseudonym.key"), complete });
  }

  it("500 on sendMessage and editMessageText: each reply is sent again until it gets through", async () => {
    const calls = await answerThrough(
      [
        { method: "sendMessage", status: 500 },
        { method: "editMessageText", status: 500 },
      ],
      (so) => failed(so, "sendMessage", 500) > 0 && failed(so, "editMessageText", 500) > 0,
    );
    expectRecovered(calls);
  });

  it("429 with retry_after on every method, getUpdates included: the bot waits and asks again", async () => {
    const calls = await answerThrough(
      [{ status: 429, retryAfter: 1 }],
      (so) =>
        failed(so, "getUpdates", 429) > 0 &&
        failed(so, "editMessageText", 429) + failed(so, "sendMessage", 429) > 0,
    );
    expectRecovered(calls);
  });

  it("dropped connections on editMessageText: the edit is made again", async () => {
    const calls = await answerThrough(
      [{ method: "editMessageText", drop: true }],
      (so) => failed(so, "editMessageText", 0) > 0,
    );
    expectRecovered(calls);
  });

  it("a dropped connection on getUpdates: the bot polls again with the same offset and nothing is handled twice", async () => {
    const calls = await answerThrough(
      [{ method: "getUpdates", drop: true }],
      (so) => failed(so, "getUpdates", 0) > 0,
    );
    expectRecovered(calls);
  });

  it("after all that every expert finishes, with exactly one submitted response holding every answer", async () => {
    await Promise.all(experts.map((expert) => expert.run()));
    await bot.stop();
    expect(audit(true)).toEqual([]);
    expect(experts.every((expert) => expert.finished)).toBe(true);
  });
});

describe("updates Telegram delivers again after a kill", () => {
  let emulator: BotApiEmulator;
  let bot: BotProcess;
  let dataDir: string;

  beforeEach(async () => {
    ({ emulator, bot, dataDir } = await startHarness("redelivery"));
    onTestFailed(() => console.error(`Bot log:\n${bot.output()}`));
  });

  afterEach(async () => {
    await disposeHarness({ emulator, bot, dataDir });
  });

  /** What an expert sees: every bot message with its text, buttons and edit count, and the button answers. */
  function chatOf(expert: RetryingExpert) {
    const messages = expert.user.messages().map(({ message_id, text, buttons, edits, deleted }) => ({
      message_id,
      text,
      buttons,
      edits,
      deleted,
    }));
    return { messages, callbackAnswers: expert.user.callbackAnswers() };
  }

  it("a handled batch whose receipt was never confirmed comes again after SIGKILL and changes nothing", async () => {
    await bot.start();
    const [typist, chooser, ticker, linguist, newcomer] = expertsOf(emulator, 760_001, [
      planOf("en", "education", true, 10),
      planOf("ru", "healthcare", false, 5),
      planOf("kk", "education", false, 30),
      planOf("en", "healthcare", true, 14),
      planOf("ru", "education", true, 2),
    ]) as [RetryingExpert, RetryingExpert, RetryingExpert, RetryingExpert, RetryingExpert];
    // One expert of each kind of update: a typed answer, a chosen option, a ticked option, a language, /start.
    await Promise.all([
      typist.runUntilScreen((screen) => screen.question?.type === "text"),
      chooser.runUntilScreen(
        (screen) => screen.question?.type === "select_one" && screen.question.id !== "region",
      ),
      ticker.runUntilScreen((screen) => screen.question?.type === "select_multiple"),
      linguist.runUntilScreen((screen) => screen.kind === "language"),
    ]);
    await emulator.waitForIdle();
    const all = [typist, chooser, ticker, linguist, newcomer];
    await waitUntil(
      () => emulator.calls.some((call) => call.method === "getUpdates" && call.status === undefined),
      "a long poll waiting for the batch",
    );

    // The poll that would tell Telegram the batch arrived is lost, and so is every poll after it until the bot
    // dies: a retry got through before the kill when the machine was busy.
    emulator.faults.add({ method: "getUpdates", drop: true }, { times: 10_000 });
    const outcomes = await Promise.all(all.map((expert) => expert.step()));
    expect(outcomes).toEqual(all.map(() => "changed"));
    expect(emulator.pendingUpdates()).toBe(all.length);
    const [lostPoll] = emulator.calls.filter((call) => call.method === "getUpdates" && call.status === 0);
    expect(lostPoll).toBeDefined();
    expect(await bot.kill()).toEqual({ code: null, signal: "SIGKILL" });
    emulator.faults.clear();
    const stored = snapshotTables(bot.databasePath);
    const chats = all.map(chatOf);

    const callsBefore = emulator.calls.length;
    await bot.start();
    await emulator.waitForIdle();
    const polls = emulator.calls.slice(callsBefore).filter((call) => call.method === "getUpdates");
    // The new process started from offset 0 and confirmed the batch only by polling past it: it got it again.
    expect(polls[0]?.params.offset ?? 0).toBe(0);
    expect(polls.some((poll) => poll.params.offset === lostPoll?.params.offset)).toBe(true);
    expect(emulator.pendingUpdates()).toBe(0);
    expect(snapshotTables(bot.databasePath)).toEqual(stored);
    expect(all.map(chatOf)).toEqual(chats);

    // And the experts simply go on.
    expect(await Promise.all(all.map((expert) => expert.step()))).toEqual(all.map(() => "changed"));
    await bot.stop();
    const ledgers = all.map((expert) => expert.ledger());
    expect(auditAnswers(bot.databasePath, ledgers, { keyFile: join(dataDir, "pseudonym.key") })).toEqual([]);
    expect(all.map((expert) => expert.repeats + expert.restarts)).toEqual(all.map(() => 0));
    expect(bot.logs().filter((record) => record.msg === "update failed")).toEqual([]);
  });
});
