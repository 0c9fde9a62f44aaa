import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Db } from "../connection.ts";

/**
 * The tables that hold people and their answers, each with the order its rows are written back in: keys
 * that are random or keyed hashes (response ids, markers, pseudonyms), or that say nothing about time.
 * Listed so that every table referencing another is in the list with it (one TRUNCATE takes them all).
 */
const PERSON_TABLES = [
  { name: "responses", order: "id" },
  { name: "answers", order: "response_id, question_id" },
  { name: "submissions", order: "marker" },
  { name: "answer_tallies", order: "wave_id, question_id, value" },
  { name: "experts", order: "pseudonym" },
  { name: "invitations", order: "wave_id, expert" },
  { name: "participants", order: "pseudonym" },
] as const;

const names = PERSON_TABLES.map(({ name }) => name).join(", ");

function execute(db: Db, statement: string) {
  return (db as unknown as NodePgDatabase).execute(sql.raw(statement));
}

/** PostgreSQL's "lock not available", what a lock taken with NOWAIT fails with. */
const LOCK_NOT_AVAILABLE = "55P03";

/** A table another transaction holds: waited for next, with no other lock held. */
class TableBusy extends Error {
  constructor(readonly table: string) {
    super(`${table} is in use`);
  }
}

/**
 * Locks every person table for the rest of the caller's transaction, first thing in it. Other transactions
 * take these tables' locks in the orders their statements name them, so waiting for one while holding
 * another could deadlock: this waits only while it holds none. It waits for one table, takes the others
 * without waiting, and when one is busy gives all back (a savepoint) and waits for that one next.
 */
export async function lockPersonTables(db: Db): Promise<void> {
  let waitFor: string = PERSON_TABLES[0].name;
  for (;;) {
    const busy = await (db as unknown as NodePgDatabase)
      .transaction(async (savepoint) => {
        await savepoint.execute(sql.raw(`lock table ${waitFor} in access exclusive mode`));
        for (const { name } of PERSON_TABLES) {
          if (name === waitFor) continue;
          await savepoint
            .execute(sql.raw(`lock table ${name} in access exclusive mode nowait`))
            .catch((error: unknown) => {
              throw postgresCode(error) === LOCK_NOT_AVAILABLE ? new TableBusy(name) : error;
            });
        }
      })
      .then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof TableBusy) return error.table;
          throw error;
        },
      );
    if (!busy) return;
    waitFor = busy;
  }
}

/** The SQLSTATE of a PostgreSQL error, also when drizzle wraps it. */
function postgresCode(error: unknown): string | undefined {
  const { code, cause } = error as { code?: string; cause?: unknown };
  return code ?? (cause ? postgresCode(cause) : undefined);
}

/**
 * Writes every row of the person tables anew, in key order, inside the caller's transaction. A PostgreSQL
 * heap keeps rows in the order they were written (`ctid`), stamps each with the transaction that wrote it
 * (`xmin`), and leaves deleted rows in its pages until vacuumed and overwritten: rows a Submit wrote would
 * share one stamp and sit together at the end, next to the dead draft they came from. Rewritten, every row
 * carries this transaction's stamp, lies in the order of its key, and the old files with their dead rows are
 * unlinked when the transaction commits. The tally triggers stay off while the rows, tallies included, are
 * copied back as they were.
 */
export async function rewritePersonTables(db: Db): Promise<void> {
  for (const { name } of PERSON_TABLES) {
    await execute(db, `create temporary table kept_${name} on commit drop as select * from ${name}`);
  }
  await execute(db, `truncate ${names}`);
  for (const { name, order } of PERSON_TABLES) {
    await execute(db, `alter table ${name} disable trigger user`);
    await execute(db, `insert into ${name} select * from kept_${name} order by ${order}`);
    await execute(db, `alter table ${name} enable trigger user`);
  }
}
