import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./bot-process.ts";
import { RESULT_PREFIX, type SectionName } from "./section-protocol.ts";

export interface SectionOutcome<T> {
  result?: T;
  error?: string;
  seconds: number;
}

const KILL_GRACE_MS = 10_000;

/**
 * Runs `tsx bench/run-section.ts <name> <options>` and reads its result line. Past `limitMs` the section
 * gets SIGTERM (it stops its bots on the way out), and SIGKILL if it is still there after a grace period.
 */
export async function runSection(
  name: SectionName,
  options: Record<string, unknown>,
  limitMs: number,
): Promise<SectionOutcome<unknown>> {
  const started = performance.now();
  process.stderr.write(`bench: ${name} (at most ${(limitMs / 1000).toFixed(0)} s)…\n`);
  const child = spawn(
    join(REPO_ROOT, "node_modules/.bin/tsx"),
    ["bench/run-section.ts", name, JSON.stringify(options)],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  let timedOut = false;
  const terminate = setTimeout(() => {
    timedOut = true;
    child.kill("SIGTERM");
  }, limitMs);
  const kill = setTimeout(() => child.kill("SIGKILL"), limitMs + KILL_GRACE_MS);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(terminate);
  clearTimeout(kill);
  const seconds = (performance.now() - started) / 1000;
  const line = stdout.split("\n").find((candidate) => candidate.startsWith(RESULT_PREFIX));
  if (line) return { result: JSON.parse(line.slice(RESULT_PREFIX.length)), seconds };
  const why = timedOut
    ? `stopped at the section's limit of ${(limitMs / 1000).toFixed(0)} s`
    : `exit code ${code}`;
  return { error: `${why}: ${stderr.trim().split("\n").slice(-6).join(" | ")}`, seconds };
}
