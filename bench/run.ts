import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import buildOnce from "../test/build-once.ts";
import { type BenchOutcomes, reportRows } from "./report-rows.ts";
import { SECTION_NAMES, type SectionName } from "./section-protocol.ts";
import { runSection, type SectionOutcome } from "./section-runner.ts";
import { renderTable } from "./table.ts";

/**
 * `npm run bench [-- --experts 1000 --memory-experts 10000 --responses 100000 --paced-rate 100
 *   --only many-experts,instances,seal-cost,summary,memory,answer-cost,start-up --profile DIR --bot-script dist/main.js]`
 * Runs each section in its own process, prints a table and, last, one JSON line with every figure.
 * --profile writes V8 CPU profiles of our bot (under load, and at each start-up) into DIR; read them with
 * `tsx bench/profile-summary.ts DIR/<file>.cpuprofile`. --bot-script runs another entry point of our bot: a
 * built .js/.mjs file on node (the default, dist/main.js, is what `npm start` runs; the bench builds it
 * first), or a .ts file through tsx.
 */
const { values } = parseArgs({
  options: {
    experts: { type: "string", default: "1000" },
    "memory-experts": { type: "string", default: "10000" },
    responses: { type: "string", default: "100000" },
    "paced-rate": { type: "string", default: "100" },
    only: { type: "string" },
    profile: { type: "string" },
    "bot-script": { type: "string", default: "dist/main.js" },
  },
});
const experts = positive(values.experts, "--experts");
const memoryExperts = positive(values["memory-experts"], "--memory-experts");
const responses = positive(values.responses, "--responses");
const pacedRate = Number(values["paced-rate"]);
if (!(pacedRate >= 0)) throw new Error("--paced-rate must be updates per second, 0 for none");
const only = values.only ? values.only.split(",").map((name) => name.trim()) : [...SECTION_NAMES];
for (const name of only) {
  if (!SECTION_NAMES.includes(name as SectionName)) throw new Error(`--only: unknown section "${name}"`);
}
const profileDirectory = values.profile ? resolve(values.profile) : undefined;
const botScript = values["bot-script"];
// dist/ is built as `npm start` builds it, so the bench measures the current source.
if (botScript.startsWith("dist/")) buildOnce();

/**
 * The whole bench stays under 11 minutes: this much for the sections, the rest for start and teardown. The
 * load test alone takes up to about 4 on this 2-core machine, and the PostgreSQL sections start a server.
 */
const TOTAL_BUDGET_MS = 600_000;
const benchStarted = performance.now();
const remaining = () => Math.max(10_000, TOTAL_BUDGET_MS - (performance.now() - benchStarted));
const wanted = (name: SectionName) => only.includes(name);
const run = async <T>(name: SectionName, options: Record<string, unknown>, limitMs: number) =>
  wanted(name)
    ? ((await runSection(name, options, Math.min(limitMs, remaining()))) as SectionOutcome<T>)
    : undefined;

const machine = {
  cpus: cpus().length,
  node: process.version,
  botScript,
  loadAverageAtStart: loadavg().map(round2),
};
// The load test first, with the most time; the others have steadier costs and limits of their own.
const manyBudgetMs = Math.min(110_000, remaining() * 0.4);
const manyExperts = await run(
  "many-experts",
  { experts, budgetMs: manyBudgetMs, pacedRate, profileDirectory, botScript },
  manyBudgetMs * 1.4 + 70_000,
);
// Four runs of the same closed loop by webhook: SQLite, PostgreSQL, two instances on PostgreSQL (with their
// default connections and with fewer). Enough experts to keep Telegram's 40 webhook requests in flight, few
// enough to get past onboarding into answers.
const instancesBudgetMs = 15_000;
const instances = await run(
  "instances",
  { experts: Math.min(experts, 60), budgetMs: instancesBudgetMs, botScript },
  4 * (instancesBudgetMs * 1.4 + 20_000),
);
const sealCost = await run("seal-cost", { sizes: [100, 1000, 5000], repetitions: 5 }, 120_000);
const summary = await run("summary", { responses, repetitions: 3, budgetMs: 20_000 }, 100_000);
const memory = await run("memory", { experts: memoryExperts, budgetMs: 45_000, botScript }, 75_000);
const answerCost = await run("answer-cost", { repetitions: 200, budgetMs: 10_000 }, 30_000);
const startUp = await run("start-up", { runs: 3, profileDirectory, botScript }, 40_000);

const outcomes = {
  machine,
  ...(manyExperts ? { manyExperts } : {}),
  ...(instances ? { instances } : {}),
  ...(sealCost ? { sealCost } : {}),
  ...(answerCost ? { answerCost } : {}),
  ...(summary ? { summary } : {}),
  ...(memory ? { memory } : {}),
  ...(startUp ? { startUp } : {}),
  totalSeconds: round2((performance.now() - benchStarted) / 1000),
} as BenchOutcomes;
const figures = {
  ...outcomes,
  machine: { ...machine, loadAverageAtEnd: loadavg().map(round2) },
  ...(profileDirectory ? { profiles: profileDirectory } : {}),
};
process.stdout.write(`${renderTable(reportRows(outcomes))}\n`);
process.stdout.write(`${JSON.stringify(figures)}\n`);

function positive(value: string | undefined, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${flag} must be a positive integer`);
  return number;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
