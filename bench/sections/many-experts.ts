import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { Translations } from "../../src/i18n/translator.ts";
import { BotApiEmulator } from "../../test/emulator/bot-api-emulator.ts";
import { freePort } from "../../test/support/free-port.ts";
import { questionnaires } from "../../test/support/questionnaires.ts";
import { BotProcess, temporaryDirectory } from "../bot-process.ts";
import { type LoopResult, type Move, runClosedLoop } from "../closed-loop.ts";
import { activityHub, probeFirstPoll } from "../emulator-probe.ts";
import { anonymousScript } from "../expert-script.ts";
import { percentile } from "../percentiles.ts";
import { SeededRandom } from "../random-answers.ts";

export interface ManyExpertsOptions {
  experts: number;
  /** Wall time allowed for our bot's closed loop; the bare bot replays what ours did, which is faster. */
  budgetMs: number;
  /** Offered load of the paced phase in updates per second; 0 leaves the phase out. */
  pacedRate: number;
  /** Write a CPU profile of our bot's process here. */
  profileDirectory?: string;
  /** Our bot's entry point: a built .js file on node, or a .ts file through tsx. */
  botScript: string;
}

export interface LoadFigures {
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  errorSamples: string[];
}

export interface BotFigures {
  closedLoop: LoadFigures;
  paced?: LoadFigures;
  /** VmHWM of the bot's node process at the end. */
  peakRssMb: number | undefined;
  /** Error lines the bot logged, and exceptions inside the emulator (counted in each phase's errors too). */
  botErrors: number;
}

export interface ManyExpertsResult {
  expertsStarted: number;
  expertsFinished: number;
  expertsCutByTime: number;
  updatesPerExpert: number;
  pacedExperts: number;
  pacedThinkMs: number;
  ours: BotFigures;
  bare: BotFigures;
  /** The bare bot answering a press with an edit and answerCallbackQuery, as ours does; closed loop only. */
  bareTwoCalls: BotFigures;
  /** Ours taking updates by webhook (a press answered in the webhook's reply); closed loop only. */
  oursByWebhook: BotFigures;
  answersByWebhook: { given: number; stored: number };
  answersGiven: number;
  answersStored: number;
  responsesSubmitted: number;
  throughputRatio: number;
  p99Ratio: number;
  throughputRatioTwoCalls: number;
}

const STEP_TIMEOUT_MS = 15_000;
const FIRST_EXPERT_ID = 100_000;
const FIRST_PACED_EXPERT_ID = 300_000;
/** Experts of the paced phase pause 0–2× this before each update. */
const PACED_THINK_MS = 500;
const PACED_BUDGET_MS = 30_000;
/** Only turns an instance that never comes up into an error. */
const READY_TIMEOUT_MS = 20_000;

export interface Phase {
  firstUserId: number;
  experts: number;
  movesOf: (index: number) => readonly Move[];
  budgetMs: number;
  thinkMs?: () => number;
}

/**
 * N experts answer the education questionnaire anonymously at once against the real bot process (closed
 * loop: each answers as soon as the bot is done), then a few experts who pause before each answer offer a
 * steady load below saturation (paced). A bare grammY bot then gets the same updates from the same users,
 * and so does a bare bot that answers a press with our two calls (closed loop only). Last, our bot runs the
 * closed loop again by webhook, which the emulator feeds as Telegram does: at most 40 requests at a time.
 */
export async function manyExperts(options: ManyExpertsOptions): Promise<ManyExpertsResult> {
  const { moves, answerEnds } = anonymousEducationMoves();
  // Experts × (1 / mean pause) gives the offered rate, as long as the bot answers well within the pause.
  const pacedExperts = Math.round((options.pacedRate * PACED_THINK_MS) / 1000);
  const random = new SeededRandom(7);
  const think = () => random.next() * 2 * PACED_THINK_MS;

  const directory = temporaryDirectory("many-experts");
  try {
    const databasePath = `${directory.path}/survey.db`;
    const closed: Phase = {
      firstUserId: FIRST_EXPERT_ID,
      experts: options.experts,
      movesOf: () => moves,
      budgetMs: options.budgetMs,
    };
    const paced: Phase = {
      firstUserId: FIRST_PACED_EXPERT_ID,
      experts: pacedExperts,
      movesOf: () => moves,
      budgetMs: PACED_BUDGET_MS,
      thinkMs: think,
    };
    const ours = await underLoad(
      {
        script: options.botScript,
        databasePath,
        finalMethod: { message: "sendMessage", callback: "answerCallbackQuery" },
        pressMustChangeScreen: true,
        ...(options.profileDirectory ? { profileDirectory: options.profileDirectory } : {}),
      },
      pacedExperts > 0 ? [closed, paced] : [closed],
    );
    const [oursClosed, oursPaced] = ours.loops;
    const answersGivenIn = (loops: readonly LoopResult[]) => answersCompleted(loops, answerEnds);
    const answersGiven = answersGivenIn(ours.loops);
    const stored = countStored(databasePath);
    const bare = await underLoad(
      {
        script: "bench/bare-bot.ts",
        databasePath: `${directory.path}/unused-by-the-bare-bot.db`,
        finalMethod: { message: "sendMessage", callback: "sendMessage" },
        pressMustChangeScreen: false,
      },
      ours.loops.map((loop, index) => {
        const phase = index === 0 ? closed : paced;
        return { ...phase, movesOf: (expert: number) => loop.replay[expert] ?? [] };
      }),
    );
    const bareTwoCalls = await underLoad(
      {
        script: "bench/bare-bot.ts",
        databasePath: `${directory.path}/unused-by-the-bare-bot.db`,
        env: { BARE_BOT_PRESS: "edit-and-answer" },
        finalMethod: { message: "sendMessage", callback: "answerCallbackQuery" },
        pressMustChangeScreen: true,
      },
      [{ ...closed, movesOf: (expert: number) => oursClosed!.replay[expert] ?? [] }],
    );
    const port = await freePort();
    const webhookDatabasePath = `${directory.path}/survey-by-webhook.db`;
    const byWebhook = await underLoad(
      {
        script: options.botScript,
        databasePath: webhookDatabasePath,
        env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`, PORT: String(port) },
        finalMethod: { message: "sendMessage", callback: "answerCallbackQuery" },
        pressMustChangeScreen: true,
      },
      [closed],
    );
    const oursFigures = figuresOf(ours);
    const bareFigures = figuresOf(bare);
    const bareTwoCallsFigures = figuresOf(bareTwoCalls);
    return {
      expertsStarted: options.experts,
      expertsFinished: oursClosed!.finished,
      expertsCutByTime: oursClosed!.cutByTime,
      updatesPerExpert: moves.length,
      pacedExperts: oursPaced ? pacedExperts : 0,
      pacedThinkMs: PACED_THINK_MS,
      ours: oursFigures,
      bare: bareFigures,
      bareTwoCalls: bareTwoCallsFigures,
      oursByWebhook: figuresOf(byWebhook),
      answersByWebhook: {
        given: answersGivenIn(byWebhook.loops),
        stored: countStored(webhookDatabasePath).answers,
      },
      answersGiven,
      answersStored: stored.answers,
      responsesSubmitted: stored.submitted,
      throughputRatio: oursFigures.closedLoop.updatesPerSecond / bareFigures.closedLoop.updatesPerSecond,
      p99Ratio: oursFigures.closedLoop.p99Ms / bareFigures.closedLoop.p99Ms,
      throughputRatioTwoCalls:
        oursFigures.closedLoop.updatesPerSecond / bareTwoCallsFigures.closedLoop.updatesPerSecond,
    };
  } finally {
    directory.dispose();
  }
}

/** An expert answering the education questionnaire anonymously, as moves; and which moves end an answer. */
export function anonymousEducationMoves(): { moves: Move[]; answerEnds: number[] } {
  const t = Translations.load().forLanguage("en");
  const script = anonymousScript(t, questionnaires.get("education")!);
  return {
    moves: script.steps.map((step) => ("press" in step ? { press: step.press } : { text: step.type })),
    answerEnds: script.steps.flatMap((step, index) => (step.endsAnswer ? [index] : [])),
  };
}

/** Answers the experts of these loops completed, by the moves each made. */
export function answersCompleted(loops: readonly LoopResult[], answerEnds: readonly number[]): number {
  return loops.reduce(
    (sum, loop) =>
      sum +
      loop.completedMoves.reduce(
        (inLoop, done) => inLoop + answerEnds.filter((index) => index < done).length,
        0,
      ),
    0,
  );
}

export interface BotUnderLoad {
  script: string;
  databasePath: string;
  finalMethod: { message: string; callback: string };
  pressMustChangeScreen: boolean;
  profileDirectory?: string;
  env?: Record<string, string>;
  /**
   * Several instances of the bot, each with these variables more (its PORT): started one after the other, each
   * once it has set its webhook. One instance by default.
   */
  instances?: readonly Record<string, string>[];
}

export interface LoadOutcome {
  loops: LoopResult[];
  peakRssMb: number | undefined;
  botErrors: number;
  botErrorSamples: string[];
}

/** Starts the bot process(es) against a fresh emulator and runs the phases one after the other. */
export async function underLoad(bot: BotUnderLoad, phases: readonly Phase[]): Promise<LoadOutcome> {
  const emulator = new BotApiEmulator({ maxCallLog: 1000 });
  await emulator.start();
  const hub = activityHub(emulator);
  const ready = probeFirstPoll(emulator);
  const processes: BotProcess[] = [];
  const output = () => processes.flatMap((process) => process.output).join("\n");
  try {
    for (const instanceEnv of bot.instances ?? [{}]) {
      processes.push(
        BotProcess.start({
          script: bot.script,
          token: emulator.token,
          apiRoot: emulator.apiRoot,
          databasePath: bot.databasePath,
          ...(bot.profileDirectory ? { profileDirectory: bot.profileDirectory } : {}),
          env: { ...bot.env, ...instanceEnv },
        }),
      );
      if (bot.instances) await webhooksSet(emulator, processes.length, output);
    }
    await ready.catch((error: Error) => {
      throw new Error(`${error.message}; bot output:\n${output()}`);
    });
    const loops: LoopResult[] = [];
    for (const phase of phases) {
      const users = Array.from({ length: phase.experts }, (_, index) =>
        emulator.user({ id: phase.firstUserId + index, first_name: `Expert ${index}`, language_code: "en" }),
      );
      loops.push(
        await runClosedLoop(users, phase.movesOf, {
          hub,
          finalMethod: bot.finalMethod,
          pressMustChangeScreen: bot.pressMustChangeScreen,
          stepTimeoutMs: STEP_TIMEOUT_MS,
          deadline: performance.now() + phase.budgetMs,
          ...(phase.thinkMs ? { thinkMs: phase.thinkMs } : {}),
        }),
      );
    }
    const peaks = processes.map((process) => process.memory()?.peakRssMb);
    return {
      loops,
      peakRssMb: peaks.some((peak) => peak === undefined)
        ? undefined
        : peaks.reduce((sum: number, peak) => sum + (peak ?? 0), 0),
      botErrors:
        processes.reduce((sum, process) => sum + process.errorLines, 0) + emulator.internalErrors.length,
      botErrorSamples: processes
        .flatMap((process) => process.output)
        .filter((line) => /"level":[56]\d/.test(line))
        .slice(0, 3),
    };
  } finally {
    for (const process of processes) await process.stop();
    await emulator.close();
  }
}

/** Waits until `count` instances have set their webhook: the next may start, or the load begin. */
async function webhooksSet(emulator: BotApiEmulator, count: number, output: () => string): Promise<void> {
  for (const deadline = performance.now() + READY_TIMEOUT_MS; performance.now() < deadline; ) {
    if (emulator.calls.filter((call) => call.method === "setWebhook").length >= count) return;
    await sleep(20);
  }
  throw new Error(`instance ${count} did not set its webhook; bot output:\n${output()}`);
}

export function figuresOf(outcome: LoadOutcome): BotFigures {
  const [closed, paced] = outcome.loops.map((loop) => loadFigures(loop, outcome));
  return {
    closedLoop: closed!,
    ...(paced ? { paced } : {}),
    peakRssMb: outcome.peakRssMb,
    botErrors: outcome.botErrors,
  };
}

function loadFigures(loop: LoopResult, outcome: LoadOutcome): LoadFigures {
  return {
    updates: loop.updates,
    seconds: loop.wallMs / 1000,
    updatesPerSecond: loop.updates / (loop.wallMs / 1000),
    p50Ms: percentile(loop.latenciesMs, 50),
    p99Ms: percentile(loop.latenciesMs, 99),
    maxMs: percentile(loop.latenciesMs, 100),
    errors: loop.errors + outcome.botErrors,
    errorSamples: [...loop.errorSamples, ...outcome.botErrorSamples].slice(0, 5),
  };
}

export function countStored(databasePath: string): { answers: number; submitted: number } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const answers = db
      .prepare(
        "select count(*) as n from answers a join responses r on r.id = a.response_id where r.questionnaire = 'education'",
      )
      .get() as { n: number };
    const submitted = db
      .prepare(
        "select count(*) as n from responses where questionnaire = 'education' and submitted_at is not null",
      )
      .get() as { n: number };
    return { answers: answers.n, submitted: submitted.n };
  } finally {
    db.close();
  }
}
