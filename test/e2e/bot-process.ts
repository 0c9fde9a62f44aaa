import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { BotApiEmulator } from "../emulator/bot-api-emulator.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Deadlines that only turn a hung process into a failing test; nothing here measures speed.
const START_DEADLINE_MS = 20_000;
const STOP_DEADLINE_MS = 5_000;
const POLL_INTERVAL_MS = 10;

export interface BotProcessOptions {
  emulator: BotApiEmulator;
  /** Holds the database and the pseudonym key; kept across restarts. */
  dataDir: string;
  coordinatorIds?: number[];
  /** Changes to the standard environment; `undefined` leaves a variable out. */
  env?: Record<string, string | undefined>;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Running {
  child: ChildProcess;
  closed: Promise<ProcessExit>;
}

/**
 * The real bot as `npm start` runs it (`node dist/main.js` in the project folder, built by test/build-once.ts),
 * as a child process talking to the emulator. It gets its own process group, so a kill reaches whatever it
 * starts, as a service manager's would; `closed` waits for the shared output pipes, i.e. for the whole group.
 */
export class BotProcess {
  readonly #options: BotProcessOptions;
  readonly #output: string[] = [];
  readonly #stderr: string[] = [];
  #running: Running | undefined;
  #lastExit: ProcessExit | undefined;

  constructor(options: BotProcessOptions) {
    this.#options = options;
  }

  get databasePath(): string {
    return join(this.#options.dataDir, "survey.db");
  }

  /** The process id of the running bot, e.g. to read its memory figures from /proc. */
  get pid(): number | undefined {
    return this.#running?.child.pid;
  }

  get isRunning(): boolean {
    return this.#running !== undefined;
  }

  /** Everything the process wrote (the pino log and any error), across restarts. */
  output(): string {
    return this.#output.join("");
  }

  stderr(): string {
    return this.#stderr.join("");
  }

  /** The pino log records, across restarts. */
  logs(): Array<Record<string, unknown>> {
    return this.output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /**
   * Starts the bot; resolves once it has asked the emulator for updates (it is polling) or, by webhook, has set
   * its webhook (it is listening).
   */
  async start(): Promise<void> {
    const callsBefore = this.#options.emulator.calls.length;
    let ended: string | undefined;
    void this.#spawn().closed.then(
      (exit) => {
        ended = describeExit(exit);
      },
      (error: Error) => {
        ended = error.message;
      },
    );
    for (const deadline = Date.now() + START_DEADLINE_MS; Date.now() < deadline; ) {
      if (ended) throw new Error(`the bot ended before polling (${ended}):\n${this.output()}`);
      const calls = this.#options.emulator.calls;
      const ready = (method: string) => method === "getUpdates" || method === "setWebhook";
      if (calls.slice(callsBefore).some((call) => ready(call.method))) return;
      await sleep(POLL_INTERVAL_MS);
    }
    await this.kill();
    throw new Error(`the bot did not start polling within ${START_DEADLINE_MS} ms:\n${this.output()}`);
  }

  /** Runs the bot to its end without waiting for it to poll, e.g. to see it refuse a bad configuration. */
  async runToExit(): Promise<ProcessExit> {
    return this.#within(this.#spawn().closed, START_DEADLINE_MS, "exit");
  }

  /** Kills the whole process group at once (default SIGKILL: no chance to clean up) and waits for it. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<ProcessExit | undefined> {
    const running = this.#running;
    if (!running) return undefined;
    signalGroup(running.child, signal);
    return running.closed;
  }

  /** SIGTERM as a service manager sends it; the bot must finish and exit with code 0. */
  async stop(): Promise<ProcessExit> {
    const running = this.#running;
    if (!running) throw new Error("the bot is not running");
    running.child.kill("SIGTERM");
    const exit = await this.#within(running.closed, STOP_DEADLINE_MS, "stop after SIGTERM");
    if (exit.code !== 0) {
      throw new Error(`the bot did not stop gracefully (${describeExit(exit)}):\n${this.output()}`);
    }
    return exit;
  }

  /** Waits for the bot to end on its own (e.g. after it stopped taking updates); how it ended. */
  async exited(): Promise<ProcessExit> {
    const running = this.#running;
    if (running) return this.#within(running.closed, START_DEADLINE_MS, "exit on its own");
    if (!this.#lastExit) throw new Error("the bot was never started");
    return this.#lastExit;
  }

  /** Starts the bot again on the same database and key (after a kill or a stop; stops it first if needed). */
  async restart(): Promise<void> {
    if (this.#running) await this.stop();
    await this.start();
  }

  /** For afterEach: makes sure nothing of this bot outlives the test, whatever state it is in. */
  async dispose(): Promise<void> {
    await this.kill("SIGKILL");
  }

  #spawn(): Running {
    if (this.#running) throw new Error("the bot is already running");
    const { emulator, dataDir, coordinatorIds = [], env = {} } = this.#options;
    const environment: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: this.databasePath,
      PSEUDONYM_KEY_FILE: join(dataDir, "pseudonym.key"),
      COORDINATOR_IDS: coordinatorIds.join(","),
      LOG_LEVEL: "info",
      ...env,
    };
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: PROJECT_ROOT,
      env: Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined)),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => this.#output.push(chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.#output.push(chunk);
      this.#stderr.push(chunk);
    });
    // Should the test runner itself exit, the bot must not stay behind polling.
    const killOnExit = () => signalGroup(child, "SIGKILL");
    process.once("exit", killOnExit);
    const closed = new Promise<ProcessExit>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code, signal) => {
        this.#lastExit = { code, signal };
        resolve(this.#lastExit);
      });
    }).finally(() => {
      process.off("exit", killOnExit);
      if (this.#running?.child === child) this.#running = undefined;
    });
    const running = { child, closed };
    this.#running = running;
    return running;
  }

  async #within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the bot did not ${what} within ${ms} ms:\n${this.output()}`)),
        ms,
      );
    });
    try {
      return await Promise.race([promise, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}

// Signals the whole group, as a service manager stops a service: the bot and anything it started.
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
