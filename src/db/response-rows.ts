import { randomBytes, randomInt } from "node:crypto";
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { SQLiteInsertValue } from "drizzle-orm/sqlite-core";
import type { Db, Tables } from "./connection.ts";
import type { responses } from "./sqlite/schema.ts";

export type StoredResponse = typeof responses.$inferSelect;

/** Ids up to 2^48: short enough to read in an export, wide enough that a clash is rare (and retried). */
export const MAX_ID = 2 ** 48;
const ATTEMPTS = 5;

/** Key of a sealed anonymous response: random, so nothing computable from an account leads to it. */
export function sealedKey(): string {
  return `sealed:${randomBytes(16).toString("hex")}`;
}

/** The form version the wave runs now: what a response begun or submitted in it is answered under. */
export function formVersionOf({ waves }: Tables, waveId: number | typeof responses.waveId) {
  return sql<string | null>`(select ${waves.formVersion} from ${waves} where ${waves.id} = ${waveId})`;
}

type NewResponseRow = Omit<SQLiteInsertValue<typeof responses>, "id">;

/**
 * Inserts a response under a random id, drawing another when one is taken. Row ids that follow insertion
 * order would date every row against its neighbours; random ones tell nothing.
 */
export async function insertWithRandomId(
  db: Db,
  tables: Tables,
  row: NewResponseRow,
): Promise<StoredResponse> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const stored = await insertResponse(db, tables, { ...row, id: randomInt(1, MAX_ID) });
    if (stored) return stored;
  }
  throw new Error(`no free response id after ${ATTEMPTS} draws`);
}

/** Inserts a response under its own id; undefined when the id is taken. */
export async function insertResponse(
  db: Db,
  { responses }: Tables,
  row: NewResponseRow & { id: number },
): Promise<StoredResponse | undefined> {
  const [stored] = await db
    .insert(responses)
    .values(row)
    .onConflictDoNothing({ target: responses.id })
    .returning();
  return stored;
}

export async function responseById(
  db: Db,
  { responses }: Tables,
  id: number,
): Promise<StoredResponse | undefined> {
  const [row] = await db.select().from(responses).where(eq(responses.id, id));
  return row;
}

/**
 * A copy of `source` and its answers (all but `draft.removed`) under a new random id, every time set to
 * `now`. The answers are read and written again rather than copied by one statement: the same code on both
 * engines, and a response has a few dozen.
 */
export async function copyResponse(
  db: Db,
  tables: Tables,
  source: StoredResponse,
  changes: Pick<StoredResponse, "respondentKey" | "submittedAt" | "receiptHash" | "reviewing">,
  now: Date,
  draft: { current: string | null; removed: readonly string[] } = { current: null, removed: [] },
): Promise<StoredResponse> {
  const { answers } = tables;
  const copy = await insertWithRandomId(db, tables, {
    waveId: source.waveId,
    formVersion: formVersionOf(tables, source.waveId),
    questionnaire: source.questionnaire,
    anonymous: source.anonymous,
    source: source.source,
    currentQuestion: draft.current,
    pending: null,
    ...changes,
    updatedAt: now,
    createdAt: now,
  });
  const kept = await db
    .select({ questionId: answers.questionId, value: answers.value })
    .from(answers)
    .where(
      and(
        eq(answers.responseId, source.id),
        draft.removed.length > 0 ? notInArray(answers.questionId, [...draft.removed]) : undefined,
      ),
    )
    // In one order for every Submit: the tally rows their triggers lock are then taken in the same order,
    // and two Submits at once on PostgreSQL wait for each other instead of deadlocking.
    .orderBy(asc(answers.questionId));
  if (kept.length > 0) {
    await db
      .insert(answers)
      .values(kept.map((answer) => ({ ...answer, responseId: copy.id, answeredAt: now })));
  }
  return copy;
}

/**
 * Deletes a response; its answers go with it (and out of the tallies, by the triggers). False when it was
 * gone already: another transaction deleted it first, and waited-for, its delete is what counts.
 */
export async function deleteResponse(db: Db, { responses }: Tables, id: number): Promise<boolean> {
  const deleted = await db.delete(responses).where(eq(responses.id, id)).returning({ id: responses.id });
  return deleted.length > 0;
}
