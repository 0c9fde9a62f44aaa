import { and, asc, count, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Answers, AnswerValue } from "../questionnaire/types.ts";
import type { Connection, Db, Tables } from "./connection.ts";
import type { NewResponse } from "./draft-repository.ts";
import { answerValue, flagValue, numberValue } from "./driver-values.ts";
import {
  formVersionOf,
  insertResponse,
  insertWithRandomId,
  MAX_ID,
  type StoredResponse,
} from "./response-rows.ts";
import { isUniqueViolation } from "./unique-violation.ts";

/** Rolls back an import whose response id another writer took meanwhile. */
class KeyTaken extends Error {}

/** A complete response to store as submitted, under `id` when given. */
type SubmittedImport = NewResponse & { id?: number; answers: Answers };

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

/** Experts of one wave who gave the same ranking and share their answer to the compared question and anonymity. */
export interface RankingGroup {
  anonymous: boolean;
  /** The answer to the question the rankings are compared across (the form's `compare_by`). */
  group: AnswerValue | undefined;
  questionId: string;
  ranking: AnswerValue;
  count: number;
}

/** Submitted responses as statistics, exports and the paper import read and write them. */
export class ResultRepository {
  constructor(private readonly connection: Connection) {}

  countSubmitted(waveId: number): Promise<number> {
    const { responses } = this.connection.tables;
    return this.count(and(eq(responses.waveId, waveId), isNotNull(responses.submittedAt)));
  }

  countUnfinished(waveId: number): Promise<number> {
    const { responses } = this.connection.tables;
    return this.count(and(eq(responses.waveId, waveId), isNull(responses.submittedAt)));
  }

  /** Every submitted response of a questionnaire with its answers, ordered by wave. */
  submitted(
    questionnaire: string,
    only: { wave?: number; questionIds?: readonly string[] } = {},
  ): Promise<SubmittedResponse[]> {
    return this.connection.use(async (db) =>
      (await submittedOn(this.connection, db, questionnaire, only)).map(
        ({ respondentId, wave, anonymous, answers }) => ({ respondentId, wave, anonymous, answers }),
      ),
    );
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
  ): Promise<RankingGroup[]> {
    if (rankQuestionIds.length === 0) return Promise.resolve([]);
    const { responses, waves, answers } = this.connection.tables;
    const ranking = alias(answers, "ranking");
    const grouping = alias(answers, "grouping");
    return this.connection.use(async (db) => {
      // One row per distinct ranking and group: about one per response.
      const groups: RankingGroup[] = [];
      await this.connection.eachRow(
        db,
        db
          .select({
            anonymous: responses.anonymous,
            group: grouping.value,
            questionId: ranking.questionId,
            ranking: ranking.value,
            count: count(),
          })
          .from(responses)
          .innerJoin(waves, eq(waves.id, responses.waveId))
          .innerJoin(
            ranking,
            and(eq(ranking.responseId, responses.id), inArray(ranking.questionId, [...rankQuestionIds])),
          )
          .leftJoin(
            grouping,
            and(eq(grouping.responseId, responses.id), eq(grouping.questionId, groupQuestionId ?? "")),
          )
          .where(
            and(
              eq(responses.questionnaire, questionnaire),
              eq(waves.number, wave),
              isNotNull(responses.submittedAt),
            ),
          )
          .groupBy(responses.anonymous, grouping.value, ranking.questionId, ranking.value),
        ([anonymous, group, questionId, ranked, counted]) =>
          groups.push({
            anonymous: flagValue(anonymous),
            group: group === null ? undefined : answerValue(group),
            questionId: questionId as string,
            ranking: answerValue(ranked),
            count: numberValue(counted),
          }),
      );
      return groups;
    });
  }

  /** {@link submitted} with each response's id, respondent key and source, as the export names them. */
  submittedWithOrigin(questionnaire: string): Promise<SubmittedResponseWithOrigin[]> {
    // One transaction: the answers read second belong to the responses read first.
    return this.connection.transaction((db) => submittedOn(this.connection, db, questionnaire));
  }

  /**
   * Whether an imported response may keep `id` (a "tg-<id>" of an export): free, and in the range the bot
   * draws its random ids from, so a mistyped huge id is stored under a new one instead.
   */
  async mayKeepId(id: number): Promise<boolean> {
    if (id >= MAX_ID) return false;
    const { responses } = this.connection.tables;
    return (await this.count(eq(responses.id, id))) === 0;
  }

  /**
   * Stores complete, submitted responses (imported paper responses) in one transaction, all or none: each
   * under its `id` when given and a random one otherwise. Undefined, and nothing stored, when one of their
   * keys (an `id`, a respondent in a wave) was taken by another writer since the caller looked.
   */
  insertSubmitted(responses: readonly SubmittedImport[], now: Date): Promise<StoredResponse[] | undefined> {
    const { tables } = this.connection;
    const stored = this.connection.transaction(async (db) => {
      const inserted: StoredResponse[] = [];
      for (const response of responses) inserted.push(await insertSubmittedOne(db, tables, response, now));
      return inserted;
    });
    return stored.catch((error: unknown) => {
      if (error instanceof KeyTaken || isUniqueViolation(error)) return undefined;
      throw error;
    });
  }

  private count(condition: SQL | undefined): Promise<number> {
    const { responses } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select({ counted: count() }).from(responses).where(condition);
      return row?.counted ?? 0;
    });
  }
}

async function submittedOn(
  connection: Connection,
  db: Db,
  questionnaire: string,
  only: { wave?: number; questionIds?: readonly string[] } = {},
): Promise<SubmittedResponseWithOrigin[]> {
  const { responses, waves, answers } = connection.tables;
  const submittedHere = and(eq(responses.questionnaire, questionnaire), isNotNull(responses.submittedAt));
  const byId = new Map<number, SubmittedResponseWithOrigin>();
  await connection.eachRow(
    db,
    db
      .select({
        id: responses.id,
        anonymous: responses.anonymous,
        wave: waves.number,
        respondentKey: responses.respondentKey,
        source: responses.source,
      })
      .from(responses)
      .innerJoin(waves, eq(waves.id, responses.waveId))
      .where(and(submittedHere, only.wave === undefined ? undefined : eq(waves.number, only.wave)))
      .orderBy(asc(waves.number), asc(responses.id)),
    ([id, anonymous, wave, respondentKey, source]) => {
      const key = numberValue(id);
      byId.set(key, {
        respondentId: String(key),
        wave: numberValue(wave),
        anonymous: flagValue(anonymous),
        answers: {},
        id: key,
        respondentKey: respondentKey as string,
        source: source as SubmittedResponseWithOrigin["source"],
      });
    },
  );
  // Every answer of every response: millions of rows in a large study, read without drizzle's row mapping.
  await connection.eachRow(
    db,
    db
      .select({ responseId: answers.responseId, questionId: answers.questionId, value: answers.value })
      .from(answers)
      .innerJoin(responses, eq(responses.id, answers.responseId))
      .where(
        and(submittedHere, only.questionIds ? inArray(answers.questionId, [...only.questionIds]) : undefined),
      ),
    ([responseId, questionId, value]) => {
      const record = byId.get(numberValue(responseId));
      if (record) (record.answers as Record<string, AnswerValue>)[questionId as string] = answerValue(value);
    },
  );
  return [...byId.values()];
}

/** Stores one complete response as submitted, with its answers; throws KeyTaken when its `id` is taken. */
async function insertSubmittedOne(
  db: Db,
  tables: Tables,
  { answers: given, id: givenId, ...row }: SubmittedImport,
  now: Date,
): Promise<StoredResponse> {
  const values = {
    ...row,
    formVersion: formVersionOf(tables, row.waveId),
    currentQuestion: null,
    submittedAt: now,
    updatedAt: now,
    createdAt: now,
  };
  const response =
    givenId === undefined
      ? await insertWithRandomId(db, tables, values)
      : await insertResponse(db, tables, { ...values, id: givenId });
  if (!response) throw new KeyTaken();
  // Sorted for the reason `copyResponse` sorts: tally rows locked in one order by every writer.
  const rows = Object.entries(given)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([questionId, value]) => ({ responseId: response.id, questionId, value, answeredAt: now }));
  if (rows.length > 0) await db.insert(tables.answers).values(rows);
  return response;
}
