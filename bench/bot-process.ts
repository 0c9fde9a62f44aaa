import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const TSX = join(REPO_ROOT, "node_modules/.bin/tsx");
/** Fixed, so the bench can seed the database with the pseudonyms the bot will compute. */
export const BENCH_PSEUDONYM_KEY = "bench-pseudonym-key-bench-pseudonym-key";
const STOP_GRACE_MS = 5000;

export interface BotProcessOptions {
  /**
   * Script relative to the repository: a built .js or .mjs file (e.g. "dist/main.js") runs on plain node,
   * a .ts file (e.g. "bench/bare-bot.ts") as `tsx <script>`.
   */
  script: string;
  token: string;
  apiRoot: string;
  databasePath: string;
  /**
   * Write a V8 CPU profile of the bot into this directory. Node refuses --cpu-prof in NODE_OPTIONS, so the
   * bot then runs as `node --cpu-prof --import tsx <script>` instead of through the tsx wrapper.
   */
  profileDirectory?: string;
  /** More environment variables for the process (the bare bot's BARE_BOT_PRESS). */
  env?: Record<string, string>;
}

/** A bot process: through tsx, the tsx wrapper and the node process it starts that runs the bot. */
export class BotProcess {
  readonly startedAt: number;
  readonly #child: ChildProcess;
  readonly #wrapped: boolean;
  readonly #output: string[] = [];
  #errorLines = 0;
  #exited: Promise<number | null>;

  private constructor(child: ChildProcess, startedAt: number, wrapped: boolean) {
    this.#child = child;
    this.#wrapped = wrapped;
    this.startedAt = startedAt;
    this.#exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        if (this.#output.length < 200) this.#output.push(line);
        if (isErrorLine(line)) this.#errorLines += 1;
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  static start(options: BotProcessOptions): BotProcess {
    const startedAt = performance.now();
    const profile = options.profileDirectory;
    const plain = /\.m?js$/.test(options.script);
    const nodeFlags = [
      ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []),
      ...(plain ? [] : ["--import", "tsx"]),
    ];
    const wrapped = !plain && !profile;
    const [command, args] = wrapped
      ? [TSX, [options.script]]
      : [process.execPath, [...nodeFlags, options.script]];
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: {
        ...inheritedEnvironment(),
        BOT_TOKEN: options.token,
        TELEGRAM_API_ROOT: options.apiRoot,
        DATABASE_PATH: options.databasePath,
        PSEUDONYM_KEY: BENCH_PSEUDONYM_KEY,
        LOG_LEVEL: "warn",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const bot = new BotProcess(child, startedAt, wrapped);
    // A bench that dies must not leave a bot polling a closed port for hours.
    process.once("exit", () => bot.#kill("SIGKILL"));
    return bot;
  }

  /** Lines the bot logged at level error or above (pino JSON), and stderr lines that look like errors. */
  get errorLines(): number {
    return this.#errorLines;
  }

  /** The first 200 lines of output, for diagnosis. */
  get output(): readonly string[] {
    return this.#output;
  }

  /** The node process that runs the bot (tsx's child), or undefined before tsx has started it. */
  botPid(): number | undefined {
    const pid = this.#child.pid;
    if (pid === undefined || !this.#wrapped) return pid;
    return childrenOf(pid)[0];
  }

  /** VmRSS and VmHWM (peak) in MB from /proc/<pid>/status: of the bot's node process, and of tsx's wrapper. */
  memory(): { rssMb: number; peakRssMb: number; wrapperRssMb: number } | undefined {
    const pid = this.botPid();
    if (pid === undefined) return undefined;
    const bot = procStatus(pid);
    return {
      rssMb: bot.VmRSS ?? 0,
      peakRssMb: bot.VmHWM ?? 0,
      wrapperRssMb: this.#wrapped && this.#child.pid ? (procStatus(this.#child.pid).VmRSS ?? 0) : 0,
    };
  }

  /** SIGTERM (the bot stops its runner and closes the database), SIGKILL after a grace period. */
  async stop(): Promise<number | null> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return this.#child.exitCode;
    this.#child.kill("SIGTERM");
    const timer = setTimeout(() => this.#kill("SIGKILL"), STOP_GRACE_MS);
    const code = await this.#exited;
    clearTimeout(timer);
    return code;
  }

  #kill(signal: NodeJS.Signals): void {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const pid = this.botPid();
    if (pid !== undefined) killQuietly(pid, signal);
    this.#child.kill(signal);
  }
}

/**
 * The bench's environment without the bot's own settings, so a developer's WEBHOOK_URL or QUOTAS_FILE does
 * not change what is measured (NODE_OPTIONS stays, e.g. for a diagnostic --import).
 */
function inheritedEnvironment(): NodeJS.ProcessEnv {
  const bot =
    /^(BOT_TOKEN|COORDINATOR_IDS|DATABASE_PATH|LOG_LEVEL|PORT|PSEUDONYM_KEY|PSEUDONYM_KEY_FILE|QUOTAS_FILE|TELEGRAM_API_ROOT|WEBHOOK_\w+)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !bot.test(name)));
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function isErrorLine(line: string): boolean {
  if (line.startsWith("{")) {
    try {
      return ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50;
    } catch {
      return true;
    }
  }
  return /error/i.test(line);
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, ...
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function procStatus(pid: number): Record<string, number> {
  const fields: Record<string, number> = {};
  try {
    for (const line of readFileSync(`/proc/${pid}/status`, "utf8").split("\n")) {
      const match = /^(Vm\w+):\s+(\d+) kB/.exec(line);
      if (match) fields[match[1]!] = Number(match[2]) / 1024;
    }
  } catch {
    // The process ended.
  }
  return fields;
}

/** A fresh directory under the system's tmp, removed by `dispose`. */
export function temporaryDirectory(prefix: string): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), `bench-${prefix}-`));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
