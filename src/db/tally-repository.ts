import { and, count, eq, isNotNull } from "drizzle-orm";
import type { AnswerValue } from "../questionnaire/types.ts";
import type { WaveTally } from "../stats/wave-answers.ts";
import type { Connection } from "./connection.ts";
import { answerValue, numberValue } from "./driver-values.ts";

/**
 * Tallies of submitted answers per wave, question and distinct value. Triggers in the database keep them
 * in step with every write (submit, change, import, deletion), so a summary reads a few hundred rows.
 */
export class TallyRepository {
  constructor(private readonly connection: Connection) {}

  /** Every wave of `questionnaire` with submitted responses, with its tallies. */
  tallies(questionnaire: string): Promise<WaveTally[]> {
    const { responses, waves, answerTallies } = this.connection.tables;
    return this.connection.use(async (db) => {
      const respondents = await db
        .select({ wave: waves.number, respondents: count() })
        .from(responses)
        .innerJoin(waves, eq(waves.id, responses.waveId))
        .where(and(eq(responses.questionnaire, questionnaire), isNotNull(responses.submittedAt)))
        .groupBy(waves.number)
        .orderBy(waves.number);
      // One row per distinct value: a rank question alone has about one per response.
      const byWave = new Map<number, Map<string, { value: AnswerValue; count: number }[]>>(
        respondents.map(({ wave }) => [wave, new Map()]),
      );
      await this.connection.eachRow(
        db,
        db
          .select({
            wave: waves.number,
            questionId: answerTallies.questionId,
            value: answerTallies.value,
            count: answerTallies.count,
          })
          .from(answerTallies)
          .innerJoin(waves, eq(waves.id, answerTallies.waveId))
          .where(eq(waves.questionnaire, questionnaire)),
        ([wave, questionId, value, tallied]) => {
          const questions = byWave.get(numberValue(wave));
          if (!questions) return;
          const values = questions.get(questionId as string) ?? [];
          values.push({ value: answerValue(value), count: numberValue(tallied) });
          questions.set(questionId as string, values);
        },
      );
      return respondents.map(({ wave, respondents: counted }) => ({
        wave,
        respondents: counted,
        answers: byWave.get(wave)!,
      }));
    });
  }
}
