import { and, asc, eq, sql } from "drizzle-orm";
import type { ResponseState } from "../questionnaire/response-flow.ts";
import type { AnswerValue } from "../questionnaire/types.ts";
import type { AnswerWrites, Participant, ParticipantChanges, RecordedStep } from "./answer-writes.ts";
import type { Connection } from "./connection.ts";
import type { HandledUpdateRepository } from "./handled-update-repository.ts";
import {
  copyResponse,
  deleteResponse,
  formVersionOf,
  insertWithRandomId,
  responseById,
  type StoredResponse,
} from "./response-rows.ts";

export interface NewResponse {
  waveId: number;
  questionnaire: string;
  respondentKey: string;
  anonymous: boolean;
  source: "telegram" | "paper";
}

/** One answer as the chat stores it: the update it came in, the step, and the chat position it leaves. */
export interface AnswerRecord {
  updateId: number;
  responseId: number;
  step: RecordedStep;
  participant: { known: Participant; changes: ParticipantChanges };
}

/** Responses being answered: the expert's drafts, as the answering flow reads and writes them. */
export class DraftRepository {
  /** Read on every answer: prepared once. */
  private readonly findStatement;
  private readonly answersStatement;

  constructor(
    private readonly connection: Connection,
    private readonly handledUpdates: HandledUpdateRepository,
    private readonly writes: AnswerWrites,
  ) {
    const { responses, answers } = connection.tables;
    this.findStatement = connection.prepare("draft_find", (db) =>
      db
        .select()
        .from(responses)
        .where(
          and(
            eq(responses.waveId, sql.placeholder("waveId")),
            eq(responses.respondentKey, sql.placeholder("respondentKey")),
          ),
        ),
    );
    this.answersStatement = connection.prepare("draft_answers", (db) =>
      db
        .select({ questionId: answers.questionId, value: answers.value })
        .from(answers)
        .where(eq(answers.responseId, sql.placeholder("responseId"))),
    );
  }

  async find(waveId: number, respondentKey: string): Promise<StoredResponse | undefined> {
    const [row] = await this.findStatement({ waveId, respondentKey });
    return row;
  }

  byId(id: number): Promise<StoredResponse | undefined> {
    return this.connection.use((db) => responseById(db, this.connection.tables, id));
  }

  async answersOf(responseId: number): Promise<Record<string, AnswerValue>> {
    const rows = await this.answersStatement({ responseId });
    return Object.fromEntries(rows.map(({ questionId, value }) => [questionId, value as AnswerValue]));
  }

  /** Starts a draft under a random id, so that ids say nothing about the order responses began in. */
  create(response: NewResponse, state: ResponseState, now: Date): Promise<StoredResponse> {
    const { tables } = this.connection;
    return this.connection.use((db) =>
      insertWithRandomId(db, tables, {
        ...response,
        formVersion: formVersionOf(tables, response.waveId),
        currentQuestion: state.current,
        reviewing: state.reviewing,
        updatedAt: now,
        createdAt: now,
      }),
    );
  }

  /**
   * Stores one answer in one transaction: the answer, the answers it removed, the new position, the chat
   * position, and the update it came in, so that a redelivery after a crash between them cannot store it
   * again. Returns the participant as now stored.
   */
  async recordAnswer(record: AnswerRecord, now: Date): Promise<Participant> {
    const { known, changes } = record.participant;
    const stored = await this.connection.transaction(async (db) => {
      await this.writes.markHandled(record.updateId, now, db);
      await this.writes.saveStep(record.responseId, record.step, now, db);
      return this.writes.saveParticipant(known, changes, now, db);
    });
    this.handledUpdates.markedWith(record.updateId);
    return stored;
  }

  /** Stores one step of the flow atomically: the answer, removed answers and the new position. */
  async recordStep(responseId: number, step: RecordedStep, now: Date): Promise<void> {
    await this.connection.transaction((db) => this.writes.saveStep(responseId, step, now, db));
  }

  /**
   * Moves a draft to a fresh row when the expert switches between named and anonymous: a new random id under
   * the other key, without the answers (`removed`) the new way of answering must not hold; the old row
   * leaves no copy behind.
   */
  async moveDraft(
    draftId: number,
    target: { respondentKey: string; anonymous: boolean; removed: readonly string[] },
    now: Date,
  ): Promise<void> {
    const { tables } = this.connection;
    await this.connection.erasing(async (db) => {
      const draft = await responseById(db, tables, draftId);
      if (!draft) return;
      const { respondentKey, anonymous, removed } = target;
      await copyResponse(
        db,
        tables,
        { ...draft, anonymous },
        { respondentKey, submittedAt: null, receiptHash: null, reviewing: draft.reviewing },
        now,
        { current: draft.currentQuestion, removed },
      );
      await deleteResponse(db, tables, draftId);
    });
  }

  async delete(responseId: number): Promise<void> {
    await this.connection.use((db) => deleteResponse(db, this.connection.tables, responseId));
  }

  /** Deletes a draft the expert left for another (switching to anonymous), leaving no copy behind. */
  async discard(responseId: number): Promise<void> {
    await this.connection.erasing((db) => deleteResponse(db, this.connection.tables, responseId));
  }

  hasResponses(respondentKey: string): Promise<boolean> {
    const { responses } = this.connection.tables;
    return this.connection.use(async (db) => {
      const rows = await db
        .select({ id: responses.id })
        .from(responses)
        .where(eq(responses.respondentKey, respondentKey))
        .limit(1);
      return rows.length > 0;
    });
  }

  /** Every response stored under one respondent key, with its wave number, oldest first. */
  ofRespondent(respondentKey: string): Promise<(StoredResponse & { wave: number })[]> {
    const { responses, waves } = this.connection.tables;
    return this.connection.use(async (db) => {
      const rows = await db
        .select({ response: responses, wave: waves.number })
        .from(responses)
        .innerJoin(waves, eq(waves.id, responses.waveId))
        .where(eq(responses.respondentKey, respondentKey))
        .orderBy(asc(responses.questionnaire), asc(waves.number));
      return rows.map((row) => ({ ...row.response, wave: row.wave }));
    });
  }
}
