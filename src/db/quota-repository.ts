import { and, asc, eq, sql } from "drizzle-orm";
import type { Answers, AnswerValue } from "../questionnaire/types.ts";
import { formatCategory, type Quota, type QuotaCategory } from "../quotas/quota-category.ts";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { quotas } from "./sqlite/schema.ts";

/** Quota targets per questionnaire and profile category, and the submitted answers they are counted on. */
export class QuotaRepository {
  /** Read after every profile answer: prepared once. */
  private readonly listStatement;

  constructor(private readonly db: SurveyDatabase) {
    this.listStatement = db
      .select()
      .from(quotas)
      .where(eq(quotas.questionnaire, sql.placeholder("questionnaire")))
      .orderBy(asc(quotas.category))
      .prepare();
  }

  list(questionnaire: string): Quota[] {
    return this.listStatement.all({ questionnaire }).map((row) => ({
      questionnaire: row.questionnaire,
      category: storedCategory(row.category),
      target: row.target,
      mode: row.mode,
    }));
  }

  /** Sets a target, replacing the earlier one of the same category. */
  set(quota: Quota, now: Date): void {
    const values = { target: quota.target, mode: quota.mode, updatedAt: now };
    this.db
      .insert(quotas)
      .values({ questionnaire: quota.questionnaire, category: formatCategory(quota.category), ...values })
      .onConflictDoUpdate({ target: [quotas.questionnaire, quotas.category], set: values })
      .run();
  }

  /** Returns whether there was such a quota. */
  remove(questionnaire: string, category: QuotaCategory): boolean {
    return (
      this.db
        .delete(quotas)
        .where(and(eq(quotas.questionnaire, questionnaire), eq(quotas.category, formatCategory(category))))
        .run().changes > 0
    );
  }

  /**
   * The answers to `questionIds` of every response submitted in the wave: one entry per response, empty
   * when it answered none of them, so that a `total` quota counts it too.
   */
  submittedAnswers(waveId: number, questionIds: readonly string[]): Answers[] {
    const ids = JSON.stringify(questionIds);
    const rows = this.db.$client
      .prepare(
        `select r.id, a.question_id, a.value
         from responses r
         left join answers a on a.response_id = r.id and a.question_id in (select value from json_each(?))
         where r.wave_id = ? and r.submitted_at is not null`,
      )
      .raw(true)
      .all(ids, waveId) as [number, string | null, string | null][];
    const byResponse = new Map<number, Record<string, AnswerValue>>();
    for (const [responseId, questionId, value] of rows) {
      const answers = byResponse.get(responseId) ?? {};
      if (questionId !== null && value !== null) answers[questionId] = JSON.parse(value) as AnswerValue;
      byResponse.set(responseId, answers);
    }
    return [...byResponse.values()];
  }
}

/** Categories are checked against the questionnaire when set; stored ones only need reading back. */
function storedCategory(text: string): QuotaCategory {
  const [question, option] = text.split("=");
  return question && option ? { kind: "option", question, option } : { kind: "total" };
}
