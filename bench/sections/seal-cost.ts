import { openStore, type SurveyStore } from "../../src/db/survey-store.ts";
import { startPostgresServer } from "../../test/support/postgres-server.ts";
import { createTestBot } from "../../test/support/test-bot.ts";
import { temporaryDirectory } from "../bot-process.ts";
import { median } from "../percentiles.ts";
import { randomAnswers, SeededRandom } from "../random-answers.ts";

export interface SealCostOptions {
  /** Submitted responses stored before each measurement, in increasing order. */
  sizes: number[];
  /** Seals timed at each size. */
  repetitions: number;
}

/** The median time of one anonymous Submit (the seal's transaction) with so many responses stored. */
export interface SealCostRun {
  engine: "SQLite" | "PostgreSQL";
  responses: number;
  answers: number;
  medianMs: number;
}

export interface SealCostResult {
  runs: SealCostRun[];
}

const QUESTIONNAIRE = "education";

/**
 * What an anonymous Submit costs as the study grows, on each engine: on PostgreSQL the seal rewrites every
 * row of the person tables (see `rewritePersonTables`), so its cost grows with them; on SQLite it does not.
 * The server is a throwaway cluster on this machine.
 */
export async function sealCost(options: SealCostOptions): Promise<SealCostResult> {
  const server = await startPostgresServer();
  const directory = temporaryDirectory("seal-cost");
  try {
    const runs: SealCostRun[] = [];
    const engines = [
      { engine: "SQLite" as const, open: () => openStore({ path: `${directory.path}/survey.db` }) },
      { engine: "PostgreSQL" as const, open: () => openStore({ url: server.url, path: "" }) },
    ];
    for (const { engine, open } of engines) {
      const store = await open();
      try {
        runs.push(...(await sealsAsTheStudyGrows(engine, store, options)));
      } finally {
        await store.close();
      }
    }
    return { runs };
  } finally {
    directory.dispose();
    await server.stop();
  }
}

async function sealsAsTheStudyGrows(
  engine: SealCostRun["engine"],
  store: SurveyStore,
  { sizes, repetitions }: SealCostOptions,
): Promise<SealCostRun[]> {
  const questionnaire = (await createTestBot()).services.questionnaires.get(QUESTIONNAIRE)!;
  await store.waves.ensureFirstWaves([QUESTIONNAIRE], new Date());
  const wave = (await store.waves.openWave(QUESTIONNAIRE))!;
  const random = new SeededRandom(20250314);
  const answersOf = () => randomAnswers(questionnaire, true, 1, random);
  const runs: SealCostRun[] = [];
  let stored = 0;
  let answers = 0;
  for (const size of sizes) {
    const batch = Array.from({ length: size - stored }, (_, index) => ({
      waveId: wave.id,
      questionnaire: QUESTIONNAIRE,
      respondentKey: `sealed:bench-${stored + index}`,
      anonymous: true,
      source: "telegram" as const,
      answers: answersOf(),
    }));
    await store.results.insertSubmitted(batch, new Date());
    answers += batch.reduce((sum, { answers: given }) => sum + Object.keys(given).length, 0);
    stored = size;
    const times: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition++) {
      const key = `draft-${size}-${repetition}`;
      const state = { anonymous: true, answers: {}, current: null, reviewing: true, pending: null };
      const draft = await store.drafts.create(
        {
          waveId: wave.id,
          questionnaire: QUESTIONNAIRE,
          respondentKey: key,
          anonymous: true,
          source: "telegram",
        },
        state,
        new Date(),
      );
      for (const [questionId, value] of Object.entries(answersOf())) {
        await store.drafts.recordStep(
          draft.id,
          { saved: { questionId, value }, removed: [], state },
          new Date(),
        );
      }
      const started = performance.now();
      await store.submissions.seal(draft.id, { receiptHash: key, marker: key, day: new Date() });
      times.push(performance.now() - started);
    }
    runs.push({ engine, responses: size, answers, medianMs: median(times) });
  }
  return runs;
}
