import type { AnswerValue } from "../questionnaire/types.ts";
import type { WaveTally } from "../stats/wave-answers.ts";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";

/**
 * Tallies of submitted answers per wave, question and distinct value. Triggers in the database keep them
 * in step with every write (submit, change, import, deletion), so a summary reads a few hundred rows.
 */
export class TallyRepository {
  constructor(private readonly db: SurveyDatabase) {}

  /** Every wave of `questionnaire` with submitted responses, with its tallies. */
  tallies(questionnaire: string): WaveTally[] {
    const sqlite = this.db.$client;
    const respondents = sqlite
      .prepare(
        `select w.number as wave, count(*) as respondents
         from responses r join waves w on w.id = r.wave_id
         where r.questionnaire = ? and r.submitted_at is not null
         group by w.number order by w.number`,
      )
      .all(questionnaire) as { wave: number; respondents: number }[];
    const rows = sqlite
      .prepare(
        `select w.number, t.question_id, t.value, t.count
         from answer_tallies t join waves w on w.id = t.wave_id
         where w.questionnaire = ?`,
      )
      .raw(true)
      .all(questionnaire) as [number, string, string, number][];
    const byWave = new Map<number, Map<string, { value: AnswerValue; count: number }[]>>(
      respondents.map(({ wave }) => [wave, new Map()]),
    );
    for (const [wave, questionId, value, count] of rows) {
      const questions = byWave.get(wave);
      if (!questions) continue;
      const values = questions.get(questionId) ?? [];
      values.push({ value: JSON.parse(value) as AnswerValue, count });
      questions.set(questionId, values);
    }
    return respondents.map(({ wave, respondents: count }) => ({
      wave,
      respondents: count,
      answers: byWave.get(wave)!,
    }));
  }
}
