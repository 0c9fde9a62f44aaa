import type { Activity, ActivityHub, UpdateRecord } from "../test/emulator/activity-hub.ts";
import type { SimulatedUser } from "../test/emulator/simulated-user.ts";

/** An update an expert sends: a text, a press on the button with this label, or raw callback data. */
export type Move = { text: string } | { press: string } | { callbackData: string };

export interface LoopOptions {
  hub: ActivityHub;
  /** The bot call that ends its handling of a message / of a button press in that chat. */
  finalMethod: { message: string; callback: string };
  /** Our bot edits the screen before it answers a press; an answer alone means the press was dropped. */
  pressMustChangeScreen: boolean;
  stepTimeoutMs: number;
  /** performance.now() after which no expert starts another step. */
  deadline: number;
  /** Pause before each update (an expert reading the screen); none by default: answer at once. */
  thinkMs?: () => number;
}

export interface LoopResult {
  /** Updates the bot handled to the end (final call seen). */
  updates: number;
  wallMs: number;
  /** Per handled update: its delivery (the getUpdates answer carrying it) → the bot's first call in that chat. */
  latenciesMs: number[];
  errors: number;
  errorSamples: string[];
  /** Experts that ran every move. */
  finished: number;
  /** Experts stopped by the time bound. */
  cutByTime: number;
  /** The moves each expert made, as raw callback data / texts, for a replay against another bot. */
  replay: Move[][];
  /** Moves each expert completed. */
  completedMoves: number[];
}

const MAX_ERROR_SAMPLES = 5;

/**
 * Closed loop: every expert sends its next update as soon as the bot has finished with the previous one
 * (after `thinkMs`, if given). `movesOf(i)` are expert i's moves; all experts start at once.
 */
export async function runClosedLoop(
  users: readonly SimulatedUser[],
  movesOf: (index: number) => readonly Move[],
  options: LoopOptions,
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let updates = 0;
  let finished = 0;
  let cutByTime = 0;
  let lastDone = performance.now();
  const replay: Move[][] = users.map(() => []);
  const completedMoves: number[] = users.map(() => 0);
  const fail = (message: string) => {
    errors += 1;
    if (errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(message);
  };

  const start = performance.now();
  await Promise.all(
    users.map(async (user, index) => {
      const moves = movesOf(index);
      for (const move of moves) {
        if (options.thinkMs) await sleep(options.thinkMs());
        if (performance.now() > options.deadline) {
          cutByTime += 1;
          return;
        }
        try {
          const step = await oneStep(user, move, options);
          latenciesMs.push(step.latencyMs);
          replay[index]!.push(step.sent);
          completedMoves[index]! += 1;
          updates += 1;
          lastDone = performance.now();
        } catch (error) {
          fail(
            `expert ${user.id}, move ${completedMoves[index]}: ${(error as Error).message.split("\n")[0]}`,
          );
          return;
        }
      }
      finished += 1;
    }),
  );
  return {
    updates,
    wallMs: lastDone - start,
    latenciesMs,
    errors,
    errorSamples,
    finished,
    cutByTime,
    replay,
    completedMoves,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function oneStep(
  user: SimulatedUser,
  move: Move,
  options: LoopOptions,
): Promise<{ latencyMs: number; sent: Move }> {
  const isMessage = "text" in move;
  const finalMethod = isMessage ? options.finalMethod.message : options.finalMethod.callback;
  return new Promise((resolve, reject) => {
    let record: UpdateRecord | undefined;
    let deliveredAt: number | undefined;
    let firstCall: { method: string; at: number } | undefined;
    let sent: Move | undefined;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      unsubscribe();
      if (error) reject(error);
      else if (deliveredAt === undefined || !firstCall || !sent) reject(new Error("incomplete step"));
      else if (options.pressMustChangeScreen && !isMessage && firstCall.method === finalMethod)
        reject(new Error("the press was answered without a new screen (dropped or refused)"));
      else resolve({ latencyMs: firstCall.at - deliveredAt, sent });
    };
    const timer = setTimeout(
      () =>
        finish(
          new Error(
            `no ${finalMethod} within ${options.stepTimeoutMs} ms (delivered: ${deliveredAt !== undefined})`,
          ),
        ),
      options.stepTimeoutMs,
    );
    const unsubscribe = options.hub.subscribe(user.chatId, (activity: Activity) => {
      if (activity.type === "queued") {
        record ??= activity.record;
      } else if (activity.type === "delivered") {
        if (activity.record === record) deliveredAt ??= performance.now();
      } else if (activity.type === "call" && deliveredAt !== undefined) {
        firstCall ??= { method: activity.method, at: performance.now() };
        if (activity.method === finalMethod) finish();
      }
    });
    try {
      sent = perform(user, move);
    } catch (error) {
      finish(error as Error);
    }
  });
}

function perform(user: SimulatedUser, move: Move): Move {
  if ("text" in move) {
    user.sendText(move.text);
    return move;
  }
  if ("press" in move) return { callbackData: user.pressButton(move.press).data ?? "" };
  user.pressCallbackData(move.callbackData, user.lastMessage()?.message_id ?? 1);
  return move;
}
