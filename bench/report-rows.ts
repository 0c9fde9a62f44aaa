import type { SectionOutcome } from "./section-runner.ts";
import type { AnswerCostResult } from "./sections/answer-cost.ts";
import type { InstancesResult } from "./sections/instances.ts";
import type { LoadFigures, ManyExpertsResult } from "./sections/many-experts.ts";
import type { MemoryResult } from "./sections/memory.ts";
import type { SealCostResult } from "./sections/seal-cost.ts";
import type { StartUpResult } from "./sections/start-up.ts";
import type { SummaryAtScaleResult } from "./sections/summary-at-scale.ts";
import type { Row } from "./table.ts";

export interface BenchOutcomes {
  machine: { cpus: number; node: string; botScript: string; loadAverageAtStart: number[] };
  manyExperts?: SectionOutcome<ManyExpertsResult>;
  instances?: SectionOutcome<InstancesResult>;
  sealCost?: SectionOutcome<SealCostResult>;
  answerCost?: SectionOutcome<AnswerCostResult>;
  summary?: SectionOutcome<SummaryAtScaleResult>;
  memory?: SectionOutcome<MemoryResult>;
  startUp?: SectionOutcome<StartUpResult>;
  totalSeconds: number;
}

/** The table's rows, sections in the order, each figure with its goal where the issue sets one. */
export function reportRows(outcomes: BenchOutcomes): Row[] {
  const { machine } = outcomes;
  return [
    {
      figure: `machine: ${machine.cpus} cores, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(" ")}; our bot: ${machine.botScript}`,
    },
    ...(outcomes.manyExperts ? manyExpertsRows(outcomes.manyExperts) : []),
    ...(outcomes.instances ? instancesRows(outcomes.instances) : []),
    ...(outcomes.sealCost ? sealCostRows(outcomes.sealCost) : []),
    ...(outcomes.answerCost ? answerCostRows(outcomes.answerCost) : []),
    ...(outcomes.summary ? summaryRows(outcomes.summary) : []),
    ...(outcomes.memory ? memoryRows(outcomes.memory) : []),
    ...(outcomes.startUp ? startUpRows(outcomes.startUp) : []),
    {
      figure: `total bench time ${outcomes.totalSeconds.toFixed(0)} s`,
      goal: "< 660 s",
      met: outcomes.totalSeconds < 660,
    },
  ];
}

function manyExpertsRows(outcome: SectionOutcome<ManyExpertsResult>): Row[] {
  const rows = heading(
    "1. Many experts at once: bot process, @grammyjs/runner long polling, emulator on 127.0.0.1",
    outcome,
  );
  const many = outcome.result;
  if (!many) return rows;
  const { ours, bare } = many;
  const cut =
    many.expertsCutByTime > 0
      ? `; ${many.expertsCutByTime} stopped by the time bound before the end (fewer than ${many.expertsStarted} completed)`
      : "";
  rows.push(
    {
      figure: `closed loop: ${many.expertsStarted} experts at once, ${many.updatesPerExpert} updates each, each update as soon as the bot is done; ${many.expertsFinished} submitted${cut}`,
    },
    ...loadRows("  ours", ours.closedLoop),
    ...loadRows("  bare grammY", bare.closedLoop),
    {
      figure: "  throughput ours / bare",
      value: ratio(many.throughputRatio),
      goal: "≥ 0.5",
      met: many.throughputRatio >= 0.5,
    },
    {
      figure: "  p99 ours",
      value: `${ms0(ours.closedLoop.p99Ms)} ms`,
      goal: "< 50 ms",
      met: ours.closedLoop.p99Ms < 50,
    },
    { figure: "  p99 ours / bare", value: ratio(many.p99Ratio) },
    ...loadRows("  bare, edit + answerCallbackQuery per press", many.bareTwoCalls.closedLoop),
    { figure: "  throughput ours / bare with those two calls", value: ratio(many.throughputRatioTwoCalls) },
    ...loadRows("  ours by webhook", many.oursByWebhook.closedLoop, "webhook request"),
    {
      figure: "  ours by webhook: answers stored / given",
      value: `${many.answersByWebhook.stored} / ${many.answersByWebhook.given}`,
      goal: "equal",
      met: many.answersByWebhook.stored === many.answersByWebhook.given,
    },
  );
  if (ours.paced && bare.paced) {
    rows.push(
      {
        figure: `paced: ${many.pacedExperts} more experts pausing 0–${2 * many.pacedThinkMs} ms before each update (below saturation)`,
      },
      ...loadRows("  ours", ours.paced),
      ...loadRows("  bare grammY", bare.paced),
    );
  }
  rows.push(
    {
      figure: "peak VmRSS of the bot process: ours / bare",
      value: `${mb(ours.peakRssMb ?? Number.NaN)} / ${mb(bare.peakRssMb ?? Number.NaN)}`,
    },
    {
      figure: `answers stored (SQLite file) / given (${many.responsesSubmitted} responses submitted)`,
      value: `${many.answersStored} / ${many.answersGiven}`,
      goal: "equal",
      met: many.answersStored === many.answersGiven,
    },
  );
  return rows;
}

function instancesRows(outcome: SectionOutcome<InstancesResult>): Row[] {
  const rows = heading(
    "1b. Engines and instances: the closed loop by webhook; bot processes, PostgreSQL server, balancer and emulator all on this one machine",
    outcome,
  );
  const result = outcome.result;
  if (!result) return rows;
  rows.push({
    figure: `${result.experts} experts at once, ${result.updatesPerExpert} updates each, the same loop for every run`,
  });
  for (const run of result.runs) {
    rows.push(
      {
        figure: `  ${run.label}: ${run.expertsFinished} submitted, ${run.expertsCutByTime} stopped by the time bound`,
      },
      ...loadRows(`    ${run.label}`, run.figures.closedLoop, "webhook request"),
      {
        figure: `    ${run.label}: answers stored / given`,
        value: `${run.answers.stored} / ${run.answers.given}`,
        goal: "equal",
        met: run.answers.stored === run.answers.given,
      },
      {
        figure: `    ${run.label}: peak VmRSS of the bot process(es), summed`,
        value: mb(run.figures.peakRssMb ?? Number.NaN),
      },
      ...(run.peakConnections === undefined
        ? []
        : [
            {
              figure: `    ${run.label}: most PostgreSQL connections held at once (Telegram's webhook: 40 updates in flight)`,
              value: String(run.peakConnections),
            },
          ]),
    );
  }
  return rows;
}

function sealCostRows(outcome: SectionOutcome<SealCostResult>): Row[] {
  const rows = heading(
    "1c. An anonymous Submit as the study grows: the seal's transaction in process; the PostgreSQL server on this machine",
    outcome,
  );
  for (const run of outcome.result?.runs ?? []) {
    rows.push({
      figure: `${run.engine}, ${run.responses.toLocaleString("en")} responses stored (${run.answers.toLocaleString("en")} answers), median`,
      value: `${ms0(run.medianMs)} ms`,
    });
  }
  return rows;
}

function loadRows(label: string, load: LoadFigures, delivery = "getUpdates answer"): Row[] {
  return [
    {
      figure: `${label}: ${load.updates} updates in ${load.seconds.toFixed(1)} s`,
      value: `${load.updatesPerSecond.toFixed(0)} updates/s`,
    },
    {
      figure: `${label}: delivery (${delivery}) → reply call, p50 / p99 / max`,
      value: `${ms0(load.p50Ms)} / ${ms0(load.p99Ms)} / ${ms0(load.maxMs)} ms`,
    },
    { figure: `${label}: errors`, value: String(load.errors), goal: "0", met: load.errors === 0 },
    ...load.errorSamples.map((sample) => ({ figure: `      ${sample.slice(0, 110)}` })),
  ];
}

function answerCostRows(outcome: SectionOutcome<AnswerCostResult>): Row[] {
  const rows = heading(
    "2. Cost per answer: createBot + handleUpdate in process, file database, no-op fetch",
    outcome,
  );
  const cost = outcome.result;
  if (!cost) return rows;
  rows.push(
    {
      figure: `question 1 of ${cost.questions} (${cost.questionnaire}, named: ${cost.first.question}), median of ${cost.repetitions}`,
      value: `${ms2(cost.first.medianMs)} ms (p90 ${ms2(cost.first.p90Ms)})`,
    },
    {
      figure: `question ${cost.questions} (${cost.last.question}, then the review screen), median of ${cost.repetitions}`,
      value: `${ms2(cost.last.medianMs)} ms (p90 ${ms2(cost.last.p90Ms)})`,
    },
    { figure: "ratio last / first", value: ratio(cost.ratio), goal: "≤ 1.5", met: cost.ratio <= 1.5 },
    {
      figure: "timed answers not stored",
      value: String(cost.notStored),
      goal: "0",
      met: cost.notStored === 0,
    },
  );
  return rows;
}

function summaryRows(outcome: SectionOutcome<SummaryAtScaleResult>): Row[] {
  const rows = heading(
    "3. Summary at scale: one questionnaire, two waves, in process over a file database",
    outcome,
  );
  const summary = outcome.result;
  if (!summary) return rows;
  const path = (figure: string, timing: { totalMs: number; ratio: number }): Row[] => [
    {
      figure: `${figure} (median of ${summary.repetitions})`,
      value: `${ms0(timing.totalMs)} ms`,
      goal: "< 1000 ms",
      met: timing.totalMs < 1000,
    },
    { figure: "    ratio to the bare SQL", value: ratio(timing.ratio), goal: "≤ 3", met: timing.ratio <= 3 },
  ];
  const reference = summary.fromResponses;
  rows.push(
    {
      figure: `stored: ${summary.responses.toLocaleString("en")} ${summary.questionnaire} responses, ${summary.answers.toLocaleString("en")} answers`,
      value: `${summary.insertSeconds.toFixed(1)} s to insert`,
    },
    {
      figure: `bare SQL: count(*) of submitted answers group by wave, question, value (median of ${summary.repetitions})`,
      value: `${ms0(summary.sqlMs)} ms`,
    },
    {
      figure: `for reference, no longer run by the bot: summariseQuestionnaire over every response loaded (median of ${summary.repetitions})`,
      value: `${ms0(reference.totalMs)} ms`,
    },
    { figure: "    ratio to the bare SQL", value: ratio(reference.ratio) },
    { figure: "    of which load: responses.submitted()", value: `${ms0(reference.loadMs)} ms` },
    { figure: "    of which statistics", value: `${ms0(reference.statsMs)} ms` },
    ...path(
      "summariseTallies over summarySource() (what the CLI's summary and the export's summary sheets run)",
      summary.fromTallies,
    ),
    ...path(
      "summaryPagesFor() (/summary text pages, with the last wave's group comparisons)",
      summary.summaryPages,
    ),
    {
      figure: "summary from tallies equals the one from every response",
      value: summary.talliesAgree ? "yes" : "no",
      goal: "yes",
      met: summary.talliesAgree,
    },
  );
  return rows;
}

function memoryRows(outcome: SectionOutcome<MemoryResult>): Row[] {
  const rows = heading("4. Memory: VmRSS of the bot's node process (/proc/<pid>/status)", outcome);
  const memory = outcome.result;
  if (!memory) return rows;
  rows.push(
    { figure: "idle, database seeded", value: mb(memory.idleRssMb) },
    {
      figure: `${memory.experts.toLocaleString("en")} experts at question ${memory.position} (${memory.question}), after each sent /start (${memory.touched} answered in ${memory.seconds.toFixed(1)} s)`,
      value: mb(memory.rssMb),
      goal: "< 250 MB",
      met: memory.rssMb < 250,
    },
    {
      figure: "  peak while they came (VmHWM)",
      value: mb(memory.peakRssMb),
      goal: "< 250 MB",
      met: memory.peakRssMb < 250,
    },
    ...(memory.wrapperRssMb > 0
      ? [{ figure: "  tsx wrapper process, besides", value: mb(memory.wrapperRssMb) }]
      : []),
    {
      figure: "  errors (incl. experts without the resume screen)",
      value: String(memory.errors),
      goal: "0",
      met: memory.errors === 0,
    },
  );
  return rows;
}

function startUpRows(outcome: SectionOutcome<StartUpResult>): Row[] {
  const rows = heading("5. Start-up: spawn of the bot process → its first getUpdates call", outcome);
  const startUp = outcome.result;
  if (!startUp) return rows;
  rows.push(
    {
      figure: `ours, median of ${startUp.runs}, fresh database each (${startUp.oursMs.map(ms0).join(", ")} ms)`,
      value: `${ms0(startUp.oursMedianMs)} ms`,
      goal: "< 1500 ms",
      met: startUp.oursMedianMs < 1500,
    },
    {
      figure: `bare grammY bot, median (${startUp.bareMs.map(ms0).join(", ")} ms)`,
      value: `${ms0(startUp.bareMedianMs)} ms`,
    },
    {
      figure: "idle VmRSS after start: ours / bare",
      value: `${mb(startUp.oursIdleRssMb)} / ${mb(startUp.bareIdleRssMb)}`,
    },
  );
  return rows;
}

/** The section's heading, and its error if it failed. */
function heading(title: string, outcome: SectionOutcome<unknown>): Row[] {
  const rows: Row[] = [{ heading: `${title} (${outcome.seconds.toFixed(0)} s)` }];
  if (outcome.error) rows.push({ figure: `FAILED: ${outcome.error.slice(0, 300)}`, met: false });
  return rows;
}

function ms0(value: number): string {
  return value.toFixed(0);
}

function ms2(value: number): string {
  return value.toFixed(2);
}

function mb(value: number): string {
  return `${value.toFixed(0)} MB`;
}

function ratio(value: number): string {
  return value.toFixed(2);
}
