import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { ResponseState } from "../questionnaire/response-flow.ts";
import type { Answers, AnswerValue } from "../questionnaire/types.ts";
import type { SurveyDatabase } from "./database.ts";
import { answers, experts, participants, responses, waves } from "./schema.ts";

export type StoredResponse = typeof responses.$inferSelect;

/** A submitted response with its wave number, as the statistics take it. */
export interface SubmittedResponse {
  respondentId: string;
  wave: number;
  anonymous: boolean;
  answers: Answers;
}

/** A submitted response with the id, key and source it is stored under. */
export type SubmittedResponseWithOrigin = SubmittedResponse & {
  id: number;
  respondentKey: string;
  source: "telegram" | "paper";
};

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

/** Experts of one wave who gave the same ranking and share region and anonymity. */
export interface RankingGroup {
  anonymous: boolean;
  region: AnswerValue | undefined;
  questionId: string;
  ranking: AnswerValue;
  count: number;
}

/** One step of the flow as stored: the answer given, answers it removed, and where the expert now stands. */
export interface RecordedStep {
  saved?: { questionId: string; value: AnswerValue };
  removed: string[];
  state: ResponseState;
}

export interface NewResponse {
  waveId: number;
  questionnaire: string;
  respondentKey: string;
  anonymous: boolean;
  source: "telegram" | "paper";
}

/** Responses and their answers. */
export class ResponseRepository {
  /** The queries of every answer, prepared once. */
  private readonly statements;

  constructor(private readonly db: SurveyDatabase) {
    this.statements = {
      find: db
        .select()
        .from(responses)
        .where(
          and(
            eq(responses.waveId, sql.placeholder("waveId")),
            eq(responses.respondentKey, sql.placeholder("respondentKey")),
          ),
        )
        .prepare(),
      answersOf: db.$client
        .prepare<[number], [string, string]>("select question_id, value from answers where response_id = ?")
        .raw(),
      saveAnswer: db
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
        })
        .prepare(),
      savePosition: db.$client.prepare(
        "update responses set current_question = ?, reviewing = ?, pending = ?, updated_at = ? where id = ?",
      ),
      // better-sqlite3's own transaction functions, made once: drizzle's would build a new one on every call.
      recordStep: db.$client.transaction((responseId: number, step: RecordedStep, now: Date) => {
        if (step.saved) {
          const { questionId, value } = step.saved;
          this.statements.saveAnswer.run({ responseId, questionId, value, answeredAt: now });
        }
        if (step.removed.length > 0) {
          this.db
            .delete(answers)
            .where(and(eq(answers.responseId, responseId), inArray(answers.questionId, step.removed)))
            .run();
        }
        const { current, reviewing, pending } = step.state;
        const pendingJson = pending === null ? null : JSON.stringify(pending);
        this.statements.savePosition.run(current, reviewing ? 1 : 0, pendingJson, now.getTime(), responseId);
      }),
      immediate: db.$client.transaction((work: () => unknown) => work()).immediate,
    };
  }

  find(waveId: number, respondentKey: string): StoredResponse | undefined {
    return this.statements.find.get({ waveId, respondentKey });
  }

  byId(id: number): StoredResponse | undefined {
    return this.db.select().from(responses).where(eq(responses.id, id)).get();
  }

  /** The largest response id in use, 0 when there is none. */
  highestId(): number {
    const row = this.db
      .select({ highest: sql<number | null>`max(${responses.id})` })
      .from(responses)
      .get();
    return row?.highest ?? 0;
  }

  answersOf(responseId: number): Record<string, AnswerValue> {
    const answersById: Record<string, AnswerValue> = {};
    for (const [questionId, value] of this.statements.answersOf.all(responseId)) {
      answersById[questionId] = JSON.parse(value) as AnswerValue;
    }
    return answersById;
  }

  create(response: NewResponse, state: ResponseState, now: Date): StoredResponse {
    return this.db
      .insert(responses)
      .values({ ...response, currentQuestion: state.current, reviewing: state.reviewing, updatedAt: now })
      .returning()
      .get();
  }

  /** Stores one step of the flow atomically: the answer, removed answers and the new position. */
  recordStep(responseId: number, step: RecordedStep, now: Date): void {
    this.statements.recordStep(responseId, step, now);
  }

  submit(responseId: number, receipt: string, now: Date): StoredResponse {
    return this.db
      .update(responses)
      .set({
        receipt: sql`coalesce(${responses.receipt}, ${receipt})`,
        submittedAt: now,
        updatedAt: now,
        pending: null,
      })
      .where(eq(responses.id, responseId))
      .returning()
      .get()!;
  }

  /** Moves a draft to another respondent key when the expert switches between named and anonymous. */
  changeAnonymity(responseId: number, respondentKey: string, anonymous: boolean, removed: string[]): void {
    this.db.transaction((tx) => {
      tx.update(responses).set({ respondentKey, anonymous }).where(eq(responses.id, responseId)).run();
      if (removed.length > 0) {
        tx.delete(answers)
          .where(and(eq(answers.responseId, responseId), inArray(answers.questionId, removed)))
          .run();
      }
    });
  }

  hasResponses(respondentKey: string): boolean {
    return (
      this.db
        .select({ id: responses.id })
        .from(responses)
        .where(eq(responses.respondentKey, respondentKey))
        .get() !== undefined
    );
  }

  delete(responseId: number): void {
    this.db.delete(responses).where(eq(responses.id, responseId)).run();
  }

  countSubmitted(waveId: number): number {
    return this.db
      .select({ count: sql<number>`count(*)` })
      .from(responses)
      .where(and(eq(responses.waveId, waveId), isNotNull(responses.submittedAt)))
      .get()!.count;
  }

  /** Every submitted response of a questionnaire with its answers, ordered by wave. */
  submitted(
    questionnaire: string,
    only: { wave?: number; questionIds?: readonly string[] } = {},
  ): SubmittedResponse[] {
    const sqlite = this.db.$client;
    const waveFilter = only.wave === undefined ? "" : "and w.number = @wave";
    const rows = sqlite
      .prepare(
        `select r.id, r.anonymous, w.number from responses r join waves w on w.id = r.wave_id
         where r.questionnaire = @questionnaire and r.submitted_at is not null ${waveFilter}
         order by w.number, r.id`,
      )
      .raw(true)
      .all({ questionnaire, ...(only.wave === undefined ? {} : { wave: only.wave }) }) as [
      number,
      number,
      number,
    ][];
    const byId = new Map<number, SubmittedResponse>();
    for (const [id, anonymous, wave] of rows) {
      byId.set(id, { respondentId: String(id), wave, anonymous: anonymous === 1, answers: {} });
    }
    const questionFilter = only.questionIds
      ? `and a.question_id in (${only.questionIds.map(() => "?").join(", ")})`
      : "";
    const answerRows = sqlite
      .prepare(
        `select a.response_id, a.question_id, a.value
         from answers a join responses r on r.id = a.response_id
         where r.questionnaire = ? and r.submitted_at is not null ${questionFilter}`,
      )
      .raw(true)
      .iterate(questionnaire, ...(only.questionIds ?? [])) as IterableIterator<[number, string, string]>;
    for (const [responseId, questionId, value] of answerRows) {
      const record = byId.get(responseId);
      if (record)
        (record.answers as Record<string, AnswerValue>)[questionId] = JSON.parse(value) as AnswerValue;
    }
    return [...byId.values()];
  }

  /**
   * The rankings given in one wave, grouped by what the summary compares them across (region, anonymity),
   * each distinct combination with how many experts gave it.
   */
  rankingsByGroup(questionnaire: string, wave: number, rankQuestionIds: readonly string[]): RankingGroup[] {
    if (rankQuestionIds.length === 0) return [];
    const rows = this.db.$client
      .prepare(
        `select r.anonymous, region.value, ranking.question_id, ranking.value, count(*)
         from responses r
         join waves w on w.id = r.wave_id
         join answers ranking on ranking.response_id = r.id
           and ranking.question_id in (${rankQuestionIds.map(() => "?").join(", ")})
         left join answers region on region.response_id = r.id and region.question_id = 'region'
         where r.questionnaire = ? and w.number = ? and r.submitted_at is not null
         group by r.anonymous, region.value, ranking.question_id, ranking.value`,
      )
      .raw(true)
      .all(...rankQuestionIds, questionnaire, wave) as [number, string | null, string, string, number][];
    return rows.map(([anonymous, region, questionId, ranking, count]) => ({
      anonymous: anonymous === 1,
      region: region === null ? undefined : (JSON.parse(region) as AnswerValue),
      questionId,
      ranking: JSON.parse(ranking) as AnswerValue,
      count,
    }));
  }

  /** {@link submitted} with each response's id, respondent key and source, as the export names them. */
  submittedWithOrigin(questionnaire: string): SubmittedResponseWithOrigin[] {
    return this.db.transaction(() => {
      const origins = new Map(
        this.db
          .select({ id: responses.id, respondentKey: responses.respondentKey, source: responses.source })
          .from(responses)
          .where(and(eq(responses.questionnaire, questionnaire), isNotNull(responses.submittedAt)))
          .all()
          .map((origin) => [String(origin.id), origin]),
      );
      return this.submitted(questionnaire).flatMap((record) => {
        const origin = origins.get(record.respondentId);
        return origin ? [{ ...record, ...origin }] : [];
      });
    });
  }

  /** Stores a complete, submitted response at once (an imported paper response), under `id` when given. */
  insertSubmitted(
    response: NewResponse & { id?: number; answers: Answers; receipt: string },
    now: Date,
  ): StoredResponse {
    const { answers: given, ...row } = response;
    const stored = this.db
      .insert(responses)
      .values({ ...row, currentQuestion: null, submittedAt: now, updatedAt: now })
      .returning()
      .get();
    const values = Object.entries(given).map(([questionId, value]) => ({
      responseId: stored.id,
      questionId,
      value,
      answeredAt: now,
    }));
    if (values.length > 0) this.db.insert(answers).values(values).run();
    return stored;
  }

  /**
   * Runs `work` in one transaction that takes the write lock at once, so that what it reads stays true
   * until it has written, even with the bot and the CLI writing to the same file; a throw undoes it all.
   */
  transaction<T>(work: () => T): T {
    return this.statements.immediate(work) as T;
  }

  countUnfinished(waveId: number): number {
    return this.db
      .select({ count: sql<number>`count(*)` })
      .from(responses)
      .where(and(eq(responses.waveId, waveId), isNull(responses.submittedAt)))
      .get()!.count;
  }

  /** Every response stored under one respondent key, with its wave number, oldest first. */
  ofRespondent(respondentKey: string): (StoredResponse & { wave: number })[] {
    return this.db
      .select({ response: responses, wave: waves.number })
      .from(responses)
      .innerJoin(waves, eq(waves.id, responses.waveId))
      .where(eq(responses.respondentKey, respondentKey))
      .orderBy(asc(responses.questionnaire), asc(waves.number))
      .all()
      .map((row) => ({ ...row.response, wave: row.wave }));
  }

  /**
   * Unfinished responses of named experts in open waves, with what a reminder needs. Anonymous responses
   * never join an account, so they never appear here.
   */
  remindable(): RemindableResponse[] {
    return this.db
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
      .where(and(isNull(responses.submittedAt), isNull(responses.remindedAt), eq(responses.anonymous, false)))
      .all();
  }

  /** Marks the response as reminded; false when it already was, so a reminder is sent once. */
  markReminded(responseId: number, now: Date): boolean {
    return (
      this.db
        .update(responses)
        .set({ remindedAt: now })
        .where(and(eq(responses.id, responseId), isNull(responses.remindedAt)))
        .run().changes > 0
    );
  }
}
