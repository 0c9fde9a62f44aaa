import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Answers, AnswerValue } from "../questionnaire/types.ts";
import { formatCategory, type Quota, type QuotaCategory } from "../quotas/quota-category.ts";
import type { Connection } from "./connection.ts";

/** Quota targets per questionnaire and profile category, and the submitted answers they are counted on. */
export class QuotaRepository {
  /** Read after every profile answer: prepared once. */
  private readonly listStatement;

  constructor(private readonly connection: Connection) {
    const { quotas } = connection.tables;
    this.listStatement = connection.prepare("quota_list", (db) =>
      db
        .select()
        .from(quotas)
        .where(eq(quotas.questionnaire, sql.placeholder("questionnaire")))
        .orderBy(asc(quotas.category)),
    );
  }

  async list(questionnaire: string): Promise<Quota[]> {
    const rows = await this.listStatement({ questionnaire });
    return rows.map((row) => ({
      questionnaire: row.questionnaire,
      category: storedCategory(row.category),
      target: row.target,
      mode: row.mode,
    }));
  }

  /** Sets a target, replacing the earlier one of the same category. */
  async set(quota: Quota, now: Date): Promise<void> {
    const { quotas } = this.connection.tables;
    const values = { target: quota.target, mode: quota.mode, updatedAt: now };
    await this.connection.use((db) =>
      db
        .insert(quotas)
        .values({ questionnaire: quota.questionnaire, category: formatCategory(quota.category), ...values })
        .onConflictDoUpdate({ target: [quotas.questionnaire, quotas.category], set: values }),
    );
  }

  /** Returns whether there was such a quota. */
  remove(questionnaire: string, category: QuotaCategory): Promise<boolean> {
    const { quotas } = this.connection.tables;
    return this.connection.use(async (db) => {
      const removed = await db
        .delete(quotas)
        .where(and(eq(quotas.questionnaire, questionnaire), eq(quotas.category, formatCategory(category))))
        .returning({ target: quotas.target });
      return removed.length > 0;
    });
  }

  /**
   * The answers to `questionIds` of every response submitted in the wave: one entry per response, empty
   * when it answered none of them, so that a `total` quota counts it too.
   */
  submittedAnswers(waveId: number, questionIds: readonly string[]): Promise<Answers[]> {
    const { responses, answers } = this.connection.tables;
    return this.connection.use(async (db) => {
      const asked = questionIds.length > 0 ? inArray(answers.questionId, [...questionIds]) : sql`false`;
      const rows = await db
        .select({ responseId: responses.id, questionId: answers.questionId, value: answers.value })
        .from(responses)
        .leftJoin(answers, and(eq(answers.responseId, responses.id), asked))
        .where(and(eq(responses.waveId, waveId), isNotNull(responses.submittedAt)));
      const byResponse = new Map<number, Record<string, AnswerValue>>();
      for (const { responseId, questionId, value } of rows) {
        const given = byResponse.get(responseId) ?? {};
        if (questionId !== null && value !== null) given[questionId] = value as AnswerValue;
        byResponse.set(responseId, given);
      }
      return [...byResponse.values()];
    });
  }
}

/** Categories are checked against the questionnaire when set; stored ones only need reading back. */
function storedCategory(text: string): QuotaCategory {
  const [question, option] = text.split("=");
  return question && option ? { kind: "option", question, option } : { kind: "total" };
}
