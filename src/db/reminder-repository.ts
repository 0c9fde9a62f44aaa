import { and, eq, isNull, sql } from "drizzle-orm";
import type { Connection } from "./connection.ts";

/** An unfinished response of a named expert, with where and in which language to remind them. */
export interface RemindableResponse {
  responseId: number;
  questionnaire: string;
  currentQuestion: string | null;
  telegramId: number;
  language: string | null;
  updatedAt: Date;
  remindedAt: Date | null;
  submittedAt: Date | null;
  remindersEnabled: boolean;
}

/** Unfinished responses of named experts, and which of them were reminded. */
export class ReminderRepository {
  constructor(private readonly connection: Connection) {}

  /**
   * Unfinished responses of named experts in open waves, with what a reminder needs. Anonymous responses
   * never join an account, so they never appear here.
   */
  remindable(): Promise<RemindableResponse[]> {
    const { responses, waves, experts, participants } = this.connection.tables;
    return this.connection.use((db) =>
      db
        .select({
          responseId: responses.id,
          questionnaire: responses.questionnaire,
          currentQuestion: responses.currentQuestion,
          telegramId: experts.telegramId,
          language: sql<string | null>`coalesce(${participants.language}, ${experts.language})`,
          updatedAt: responses.updatedAt,
          remindedAt: responses.remindedAt,
          submittedAt: responses.submittedAt,
          remindersEnabled: experts.remindersEnabled,
        })
        .from(responses)
        .innerJoin(waves, and(eq(waves.id, responses.waveId), isNull(waves.closedAt)))
        .innerJoin(experts, eq(experts.pseudonym, responses.respondentKey))
        .leftJoin(participants, eq(participants.pseudonym, experts.pseudonym))
        .where(
          and(isNull(responses.submittedAt), isNull(responses.remindedAt), eq(responses.anonymous, false)),
        ),
    );
  }

  /**
   * Marks the response as reminded; false when it already was, so a reminder is sent once, whichever
   * instance marks it first.
   */
  markReminded(responseId: number, now: Date): Promise<boolean> {
    const { responses } = this.connection.tables;
    return this.connection.use(async (db) => {
      const marked = await db
        .update(responses)
        .set({ remindedAt: now })
        .where(and(eq(responses.id, responseId), isNull(responses.remindedAt)))
        .returning({ id: responses.id });
      return marked.length > 0;
    });
  }
}
