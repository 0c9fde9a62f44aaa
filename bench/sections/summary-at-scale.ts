import { summaryPagesFor } from "../../src/bot/features/coordinator/summary-view.ts";
import { openDatabase, type SurveyDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { summarySource } from "../../src/db/summary-source.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";
import { summariseQuestionnaire, summariseTallies } from "../../src/stats/summarise.ts";
import { createTestBot } from "../../test/support/test-bot.ts";
import { temporaryDirectory } from "../bot-process.ts";
import { median } from "../percentiles.ts";
import { randomAnswers, SeededRandom } from "../random-answers.ts";

export interface SummaryAtScaleOptions {
  responses: number;
  /** At most this many timed repetitions of each measurement (at least one). */
  repetitions: number;
  budgetMs: number;
}

export interface SummaryAtScaleResult {
  questionnaire: string;
  responses: number;
  answers: number;
  insertSeconds: number;
  repetitions: number;
  /** summariseQuestionnaire(q, responses.submitted(id)): every response loaded, then the statistics. */
  fromResponses: { loadMs: number; statsMs: number; totalMs: number; ratio: number };
  /** summariseTallies over summarySource(): what the CLI's `summary` runs. */
  fromTallies: { totalMs: number; ratio: number };
  /** summaryPagesFor(): the /summary text pages, with the group comparisons of the last wave (no charts). */
  summaryPages: { totalMs: number; ratio: number };
  /** The bare aggregation: answers of submitted responses counted per wave, question and stored value. */
  sqlMs: number;
  /** Whether the summary from tallies equals the one from every response, up to the order of texts (it must). */
  talliesAgree: boolean;
}

const QUESTIONNAIRE = "education";
const ANONYMOUS_SHARE = 0.3;

/**
 * A full summary of one questionnaire over many stored responses in two waves, three ways, each against the
 * bare SQL aggregation that the summary needs.
 */
export function summaryAtScale(options: SummaryAtScaleOptions): SummaryAtScaleResult {
  const directory = temporaryDirectory("summary");
  const databasePath = `${directory.path}/survey.db`;
  try {
    const seeded = openDatabase(databasePath);
    const { questionnaires } = createTestBot().services;
    const questionnaire = questionnaires.get(QUESTIONNAIRE)!;
    const insertStarted = performance.now();
    const answers = insertResponses(seeded, questionnaire, options.responses);
    const insertSeconds = (performance.now() - insertStarted) / 1000;
    seeded.$client.close();

    // The services as the bot wires them, over the seeded file.
    const { services, db } = createTestBot({ databasePath });
    const t = services.translations.forLanguage("en");
    const aggregation = db.$client.prepare(
      `select r.wave_id, a.question_id, a.value, count(*) as n
       from answers a join responses r on r.id = a.response_id
       where r.questionnaire = ? and r.submitted_at is not null
       group by r.wave_id, a.question_id, a.value`,
    );
    const times = {
      load: [] as number[],
      stats: [] as number[],
      tallies: [] as number[],
      pages: [] as number[],
    };
    const sqlTimes: number[] = [];
    let talliesAgree = true;
    const deadline = performance.now() + options.budgetMs;
    for (
      let round = 0;
      round < options.repetitions && (round === 0 || performance.now() < deadline);
      round++
    ) {
      sqlTimes.push(
        timed(() => expect(aggregation.all(QUESTIONNAIRE).length > 0, "the aggregation found nothing")),
      );

      const started = performance.now();
      const records = services.responses.submitted(QUESTIONNAIRE);
      const loaded = performance.now();
      const full = summariseQuestionnaire(questionnaire, records);
      times.load.push(loaded - started);
      times.stats.push(performance.now() - loaded);
      expectTwoWaves(full.respondents);

      let tallied: ReturnType<typeof summariseTallies> | undefined;
      times.tallies.push(
        timed(() => {
          const { tallies, knownWaves } = summarySource(services, QUESTIONNAIRE, "all");
          tallied = summariseTallies(questionnaire, tallies, knownWaves);
        }),
      );
      if (round === 0) talliesAgree = comparable(tallied) === comparable(full);
      times.pages.push(
        timed(() =>
          expect(summaryPagesFor(services, t, QUESTIONNAIRE, "all").length > 0, "no summary pages"),
        ),
      );
    }
    db.$client.close();
    const sqlMs = median(sqlTimes);
    const total = (ms: number) => ({ totalMs: ms, ratio: ms / sqlMs });
    const loadMs = median(times.load);
    const statsMs = median(times.stats);
    const fromResponsesMs = median(times.load.map((load, index) => load + times.stats[index]!));
    return {
      questionnaire: QUESTIONNAIRE,
      responses: options.responses,
      answers,
      insertSeconds,
      repetitions: sqlTimes.length,
      fromResponses: { loadMs, statsMs, ...total(fromResponsesMs) },
      fromTallies: total(median(times.tallies)),
      summaryPages: total(median(times.pages)),
      sqlMs,
      talliesAgree,
    };
  } finally {
    directory.dispose();
  }
}

/** The summary as JSON, with lists of texts sorted: tallies list them by value, responses in answer order. */
function comparable(summary: unknown): string {
  return JSON.stringify(summary, (_key, value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === "string") ? [...value].sort() : value,
  );
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function expectTwoWaves(respondents: Record<string, number>): void {
  expect(
    respondents["1"] !== undefined && respondents["2"] !== undefined,
    `expected two waves, got ${JSON.stringify(respondents)}`,
  );
}

/**
 * Half the responses in wave 1 (closed), half in wave 2, submitted, in one transaction. Row by row the
 * database's triggers would keep the answer tallies (~0.3 ms a response, half a minute here), so they are
 * set aside while inserting and the tallies are then built in one aggregation, as the migration that added
 * them does; the run checks that both summaries agree.
 */
function insertResponses(db: SurveyDatabase, questionnaire: Questionnaire, count: number): number {
  const waves = new WaveRepository(db);
  const opened = new Date("2025-03-01T00:00:00Z");
  waves.ensureFirstWaves([questionnaire.id], opened);
  const waveIds = [waves.byNumber(questionnaire.id, 1)!.id, waves.openNext(questionnaire.id, new Date()).id];
  const sqlite = db.$client;
  const insertResponse = sqlite.prepare(
    `insert into responses (wave_id, questionnaire, respondent_key, anonymous, source, current_question,
       reviewing, updated_at)
     values (?, ?, ?, ?, 'telegram', null, 1, ?)`,
  );
  const insertAnswer = sqlite.prepare(
    "insert into answers (response_id, question_id, value, answered_at) values (?, ?, ?, ?)",
  );
  const submit = sqlite.prepare("update responses set receipt_hash = ?, submitted_at = ? where id = ?");
  const triggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as {
    name: string;
    sql: string;
  }[];
  const random = new SeededRandom(20250301);
  const at = opened.getTime();
  let answers = 0;
  sqlite.transaction(() => {
    for (const { name } of triggers) sqlite.exec(`drop trigger "${name}"`);
    for (let index = 0; index < count; index++) {
      const wave = index < count / 2 ? 1 : 2;
      const anonymous = random.next() < ANONYMOUS_SHARE;
      const { lastInsertRowid } = insertResponse.run(
        waveIds[wave - 1]!,
        questionnaire.id,
        // Keys as the bot leaves them: a submitted anonymous response is sealed under a random one.
        anonymous ? `sealed:bench-${index}` : `bench-respondent-${index}`,
        anonymous ? 1 : 0,
        at,
      );
      for (const [questionId, value] of Object.entries(
        randomAnswers(questionnaire, anonymous, wave, random),
      )) {
        insertAnswer.run(lastInsertRowid, questionId, JSON.stringify(value), at);
        answers += 1;
      }
      submit.run(`BEN${wave}-${index}`, at, lastInsertRowid);
    }
    sqlite.exec(
      `insert into answer_tallies (wave_id, question_id, value, count)
       select r.wave_id, a.question_id, a.value, count(*) from answers a join responses r on r.id = a.response_id
       where r.submitted_at is not null group by r.wave_id, a.question_id, a.value`,
    );
    for (const { sql } of triggers) sqlite.exec(sql);
  })();
  return answers;
}
