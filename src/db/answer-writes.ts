import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { dayOf, hourOf } from "../privacy/coarse-time.ts";
import type { ResponseState } from "../questionnaire/response-flow.ts";
import type { AnswerValue } from "../questionnaire/types.ts";
import type { Connection, Db } from "./connection.ts";
import type { participants } from "./sqlite/schema.ts";

export type Participant = typeof participants.$inferSelect;
export type ParticipantChanges = Partial<Omit<Participant, "pseudonym" | "updatedAt">>;

/** One step of the flow as stored: the answer given, answers it removed, and where the expert now stands. */
export interface RecordedStep {
  saved?: { questionId: string; value: AnswerValue };
  removed: string[];
  state: ResponseState;
}

/**
 * A placeholder bound to its column: drizzle encodes the value (a flag, a time) as the column stores it, but
 * only a value that is not null, and its types allow no placeholder in `set`.
 */
const bound = (name: string) => sql.placeholder(name) as unknown as SQL;
/** A placeholder passed as given: for a column that may be null, its value encoded by `encoded`. */
const given = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * The writes of every answer, prepared once: marking the update, the answer, the response's position and the
 * participant's chat position. Built per query on each answer, they cost more than running them.
 */
export function answerWrites(connection: Connection) {
  const { handledUpdates, answers, responses, participants } = connection.tables;
  const encoded = <C extends { mapToDriverValue(value: unknown): unknown }>(column: C, value: unknown) =>
    value === null || value === undefined ? null : column.mapToDriverValue(value);
  const markStatement = connection.prepare("mark_handled", (db) =>
    db
      .insert(handledUpdates)
      .values({ updateId: sql.placeholder("updateId"), handledAt: sql.placeholder("handledAt") })
      .onConflictDoNothing(),
  );
  const answerStatement = connection.prepare("save_answer", (db) =>
    db
      .insert(answers)
      .values({
        responseId: sql.placeholder("responseId"),
        questionId: sql.placeholder("questionId"),
        value: sql.placeholder("value"),
        answeredAt: sql.placeholder("answeredAt"),
      })
      .onConflictDoUpdate({
        target: [answers.responseId, answers.questionId],
        set: { value: sql`excluded.value`, answeredAt: sql`excluded.answered_at` },
      }),
  );
  const positionStatement = connection.prepare("save_position", (db) =>
    db
      .update(responses)
      .set({
        currentQuestion: given("current"),
        reviewing: bound("reviewing"),
        pending: given("pending"),
        updatedAt: bound("updatedAt"),
      })
      .where(eq(responses.id, sql.placeholder("id"))),
  );
  const participantStatement = connection.prepare("save_participant", (db) =>
    db
      .update(participants)
      .set({
        language: given("language"),
        stage: bound("stage"),
        questionnaire: given("questionnaire"),
        anonymous: given("anonymous"),
        consentedAt: given("consentedAt"),
        screenMessageId: given("screenMessageId"),
        screenRevision: bound("screenRevision"),
        updatedAt: bound("updatedAt"),
      })
      .where(eq(participants.pseudonym, sql.placeholder("pseudonym"))),
  );
  return {
    /** Marks an update handled, with the hour only: an update's time next to a Submit would date it. */
    async markHandled(updateId: number, now: Date, transaction?: Db): Promise<void> {
      await markStatement({ updateId, handledAt: hourOf(now) }, transaction);
    },

    /** The answer, the answers it removed and the new position of one step of the flow. */
    async saveStep(responseId: number, step: RecordedStep, now: Date, transaction: Db): Promise<void> {
      if (step.saved) {
        const { questionId, value } = step.saved;
        await answerStatement({ responseId, questionId, value, answeredAt: now }, transaction);
      }
      if (step.removed.length > 0) {
        await transaction
          .delete(answers)
          .where(and(eq(answers.responseId, responseId), inArray(answers.questionId, step.removed)));
      }
      const { current, reviewing, pending } = step.state;
      const pendingJson = pending === null ? null : JSON.stringify(pending);
      await positionStatement(
        { id: responseId, current, reviewing, pending: pendingJson, updatedAt: now },
        transaction,
      );
    },

    /**
     * Stores `changes` to the participant as last read (`known`), with the day as its time, and returns it as
     * now stored.
     */
    async saveParticipant(
      known: Participant,
      changes: ParticipantChanges,
      now: Date,
      transaction?: Db,
    ): Promise<Participant> {
      const saved: Participant = {
        ...known,
        ...changes,
        consentedAt: changes.consentedAt ? dayOf(changes.consentedAt) : (known.consentedAt ?? null),
        updatedAt: dayOf(now),
      };
      await participantStatement(
        {
          ...saved,
          anonymous: encoded(participants.anonymous, saved.anonymous),
          consentedAt: encoded(participants.consentedAt, saved.consentedAt),
        },
        transaction,
      );
      return saved;
    },
  };
}

export type AnswerWrites = ReturnType<typeof answerWrites>;
