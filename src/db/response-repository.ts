import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { ResponseState } from "../questionnaire/response-flow.ts";
import type { Answers, AnswerValue } from "../questionnaire/types.ts";
import { MAX_ID, withRandomId } from "./random-id.ts";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { answers, experts, participants, responses, submissions, waves } from "./sqlite/schema.ts";
import { scrubWriteAheadLog } from "./sqlite/wal-scrub.ts";

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

/** Experts of one wave who gave the same ranking and share their answer to the compared question and anonymity. */
export interface RankingGroup {
  anonymous: boolean;
  /** The answer to the question the rankings are compared across (the form's `compare_by`). */
  group: AnswerValue | undefined;
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

/** A submitted response found by its receipt, with what the expert may do with it. */
export type ReceiptResponse = StoredResponse & { wave: number; waveOpen: boolean };

/** Key of a sealed anonymous response: random, so nothing computable from an account leads to it. */
function sealedKey(): string {
  return `sealed:${randomBytes(16).toString("hex")}`;
}

/** The form version the wave runs now: what a response begun or submitted in it is answered under. */
function formVersionOf(waveId: number | typeof responses.waveId) {
  return sql`(select ${waves.formVersion} from ${waves} where ${waves.id} = ${waveId})`;
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
      copyAnswers: db.$client.prepare<[number, number, number, string]>(
        `insert into answers (response_id, question_id, value, answered_at)
         select ?, question_id, value, ? from answers
         where response_id = ? and question_id not in (select value from json_each(?))`,
      ),
    };
  }

  find(waveId: number, respondentKey: string): StoredResponse | undefined {
    return this.statements.find.get({ waveId, respondentKey });
  }

  byId(id: number): StoredResponse | undefined {
    return this.db.select().from(responses).where(eq(responses.id, id)).get();
  }

  /**
   * Whether an imported response may keep `id` (a "tg-<id>" of an export): free, and in the range the bot
   * draws its random ids from, so a mistyped huge id is stored under a new one instead.
   */
  mayKeepId(id: number): boolean {
    return id < MAX_ID && !this.byId(id);
  }

  answersOf(responseId: number): Record<string, AnswerValue> {
    const answersById: Record<string, AnswerValue> = {};
    for (const [questionId, value] of this.statements.answersOf.all(responseId)) {
      answersById[questionId] = JSON.parse(value) as AnswerValue;
    }
    return answersById;
  }

  /** Starts a draft under a random id, so that ids say nothing about the order responses began in. */
  create(response: NewResponse, state: ResponseState, now: Date): StoredResponse {
    return withRandomId((id) =>
      this.db
        .insert(responses)
        .values({
          ...response,
          id,
          formVersion: formVersionOf(response.waveId),
          currentQuestion: state.current,
          reviewing: state.reviewing,
          updatedAt: now,
          createdAt: now,
        })
        .returning()
        .get(),
    );
  }

  /** Stores one step of the flow atomically: the answer, removed answers and the new position. */
  recordStep(responseId: number, step: RecordedStep, now: Date): void {
    this.statements.recordStep(responseId, step, now);
  }

  /** Submits a named response where it stands; each submission gets a new receipt. */
  submit(responseId: number, receiptHash: string, now: Date): StoredResponse {
    return this.db
      .update(responses)
      .set({
        receiptHash,
        submittedAt: now,
        updatedAt: now,
        pending: null,
        formVersion: formVersionOf(responses.waveId),
      })
      .where(eq(responses.id, responseId))
      .returning()
      .get()!;
  }

  /**
   * Submits an anonymous draft by severing it from the account, in one transaction: its answers become a
   * response under a random id and key with nothing but the day as time, the draft goes, and the account
   * keeps only the marker that it submitted in this wave. Then the write-ahead log is emptied, so no page
   * image shows the draft and the response written together.
   */
  seal(draftId: number, sealing: { receiptHash: string; marker: string; day: Date }): void {
    const { receiptHash, marker, day } = sealing;
    this.transaction(() => {
      const draft = this.byId(draftId);
      if (!draft) throw new Error(`no draft ${draftId} to seal`);
      this.copyInto(
        draft,
        { respondentKey: sealedKey(), submittedAt: day, receiptHash, reviewing: false },
        day,
      );
      this.delete(draftId);
      this.db.insert(submissions).values({ marker }).onConflictDoNothing().run();
    });
    scrubWriteAheadLog(this.db.$client);
  }

  /**
   * Turns a sealed response back into the expert's draft to change it: the response stops counting until it
   * is submitted again (with a new receipt), and the account's marker goes with it. Undefined when the
   * account already has a draft in that wave.
   */
  reopen(responseId: number, draft: { respondentKey: string; marker: string }, now: Date) {
    const reopened = this.transaction(() => {
      const sealed = this.byId(responseId);
      if (!sealed || this.find(sealed.waveId, draft.respondentKey)) return undefined;
      const copy = this.copyInto(
        sealed,
        { respondentKey: draft.respondentKey, submittedAt: null, receiptHash: null, reviewing: true },
        now,
      );
      this.delete(responseId);
      this.db.delete(submissions).where(eq(submissions.marker, draft.marker)).run();
      return copy;
    });
    scrubWriteAheadLog(this.db.$client);
    return reopened;
  }

  /** Deletes a sealed response at its receipt holder's request, with the account's marker. */
  withdraw(responseId: number, marker: string): void {
    this.transaction(() => {
      this.delete(responseId);
      this.db.delete(submissions).where(eq(submissions.marker, marker)).run();
    });
    scrubWriteAheadLog(this.db.$client);
  }

  /** Whether the account behind `marker` has submitted in the marker's wave. */
  hasSubmission(marker: string): boolean {
    return this.db.select().from(submissions).where(eq(submissions.marker, marker)).get() !== undefined;
  }

  /** The submitted response a receipt opens, if any. */
  findByReceipt(receiptHash: string): ReceiptResponse | undefined {
    const row = this.db
      .select({ response: responses, wave: waves.number, closedAt: waves.closedAt })
      .from(responses)
      .innerJoin(waves, eq(waves.id, responses.waveId))
      .where(and(eq(responses.receiptHash, receiptHash), isNotNull(responses.submittedAt)))
      .get();
    return row && { ...row.response, wave: row.wave, waveOpen: row.closedAt === null };
  }

  /**
   * Severs anonymous responses submitted before receipts were secrets, once, at start-up: each leaves a
   * marker made from its old key (what `submissionMarker` builds from the same key) and takes a random key.
   */
  sealLegacyAnonymous(markerOf: (anonymousKey: string, waveId: number) => string): number {
    const legacy = this.db
      .select({ id: responses.id, waveId: responses.waveId, respondentKey: responses.respondentKey })
      .from(responses)
      .where(
        and(
          eq(responses.anonymous, true),
          isNotNull(responses.submittedAt),
          sql`${responses.respondentKey} not like 'sealed:%'`,
          eq(responses.source, "telegram"),
        ),
      )
      .all();
    if (legacy.length === 0) return 0;
    this.transaction(() => {
      for (const { id, waveId, respondentKey } of legacy) {
        this.db
          .insert(submissions)
          .values({ marker: markerOf(respondentKey, waveId) })
          .onConflictDoNothing()
          .run();
        this.db.update(responses).set({ respondentKey: sealedKey() }).where(eq(responses.id, id)).run();
      }
    });
    scrubWriteAheadLog(this.db.$client);
    return legacy.length;
  }

  /**
   * Moves a draft to a fresh row when the expert switches between named and anonymous: a new random id under
   * the other key, without the answers (`removed`) the new way of answering must not hold; the old row
   * leaves no page image behind.
   */
  moveDraft(
    draftId: number,
    target: { respondentKey: string; anonymous: boolean; removed: readonly string[] },
    now: Date,
  ): void {
    this.transaction(() => {
      const draft = this.byId(draftId);
      if (!draft) return;
      const { respondentKey, anonymous, removed } = target;
      this.copyInto(
        { ...draft, anonymous },
        { respondentKey, submittedAt: null, receiptHash: null, reviewing: draft.reviewing },
        now,
        { current: draft.currentQuestion, removed },
      );
      this.delete(draftId);
    });
    scrubWriteAheadLog(this.db.$client);
  }

  /** A copy of `source` and its answers under a new random id, every time set to `now`. */
  private copyInto(
    source: StoredResponse,
    changes: Pick<StoredResponse, "respondentKey" | "submittedAt" | "receiptHash" | "reviewing">,
    now: Date,
    draft: { current: string | null; removed: readonly string[] } = { current: null, removed: [] },
  ): StoredResponse {
    const copy = withRandomId((id) =>
      this.db
        .insert(responses)
        .values({
          id,
          waveId: source.waveId,
          formVersion: formVersionOf(source.waveId),
          questionnaire: source.questionnaire,
          anonymous: source.anonymous,
          source: source.source,
          currentQuestion: draft.current,
          pending: null,
          ...changes,
          updatedAt: now,
          createdAt: now,
        })
        .returning()
        .get(),
    );
    this.statements.copyAnswers.run(copy.id, now.getTime(), source.id, JSON.stringify(draft.removed));
    return copy;
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

  /** Deletes a draft the expert left for another (switching to anonymous), leaving no page image behind. */
  discard(responseId: number): void {
    this.delete(responseId);
    scrubWriteAheadLog(this.db.$client);
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
   * The rankings given in one wave, grouped by what the summary compares them across (the answer to
   * `groupQuestionId`, anonymity), each distinct combination with how many experts gave it.
   */
  rankingsByGroup(
    questionnaire: string,
    wave: number,
    rankQuestionIds: readonly string[],
    groupQuestionId: string | undefined,
  ): RankingGroup[] {
    if (rankQuestionIds.length === 0) return [];
    const rows = this.db.$client
      .prepare(
        `select r.anonymous, grouping.value, ranking.question_id, ranking.value, count(*)
         from responses r
         join waves w on w.id = r.wave_id
         join answers ranking on ranking.response_id = r.id
           and ranking.question_id in (${rankQuestionIds.map(() => "?").join(", ")})
         left join answers grouping on grouping.response_id = r.id and grouping.question_id = ?
         where r.questionnaire = ? and w.number = ? and r.submitted_at is not null
         group by r.anonymous, grouping.value, ranking.question_id, ranking.value`,
      )
      .raw(true)
      .all(...rankQuestionIds, groupQuestionId ?? null, questionnaire, wave) as [
      number,
      string | null,
      string,
      string,
      number,
    ][];
    return rows.map(([anonymous, group, questionId, ranking, count]) => ({
      anonymous: anonymous === 1,
      group: group === null ? undefined : (JSON.parse(group) as AnswerValue),
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

  /**
   * Stores a complete, submitted response at once (an imported paper response), under `id` when given and a
   * random one otherwise.
   */
  insertSubmitted(response: NewResponse & { id?: number; answers: Answers }, now: Date): StoredResponse {
    const { answers: given, id: givenId, ...row } = response;
    const insert = (id: number) =>
      this.db
        .insert(responses)
        .values({
          ...row,
          id,
          formVersion: formVersionOf(row.waveId),
          currentQuestion: null,
          submittedAt: now,
          updatedAt: now,
          createdAt: now,
        })
        .returning()
        .get();
    const stored = givenId === undefined ? withRandomId(insert) : insert(givenId);
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
