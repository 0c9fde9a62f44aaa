import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Db } from "../connection.ts";
import { postgresCode } from "./postgres-code.ts";

/**
 * The tables that hold people and their answers, each with the order its rows are written back in (keys that
 * are random or keyed hashes, or say nothing about time), the tables that must be truncated with it (a
 * foreign key between them), and whether the tally triggers fire on it.
 */
const PERSON_TABLES = [
  { name: "responses", order: "id", with: ["answers"], triggers: true },
  { name: "answers", order: "response_id, question_id", with: ["responses"], triggers: true },
  { name: "submissions", order: "marker", with: [], triggers: false },
  { name: "answer_tallies", order: "wave_id, question_id, value", with: [], triggers: false },
  { name: "experts", order: "pseudonym", with: ["invitations"], triggers: false },
  { name: "invitations", order: "wave_id, expert", with: ["experts"], triggers: false },
  { name: "participants", order: "pseudonym", with: [], triggers: false },
] as const;

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

/**
 * Writes every row of the person tables this transaction changed anew, in key order, inside it. A PostgreSQL
 * heap keeps rows in the order they were written (`ctid`), stamps each with the transaction that wrote it
 * (`xmin`), and leaves deleted rows in its pages until vacuumed and overwritten: rows a Submit wrote would
 * share one stamp and sit together at the end, next to the dead draft they came from. Rewritten, every row
 * of such a table carries this transaction's stamp and lies in the order of its key, and the old files with
 * their dead rows are unlinked when the transaction commits. The rows wait in temporary tables made anew
 * each time (dropped at commit), so they have the tables' columns even after another process migrated them;
 * the tally triggers stay off while rows and tallies are copied back as they were.
 */
export async function rewritePersonTables(db: Db): Promise<void> {
  const { rows } = await execute(
    db,
    "select relname from pg_stat_xact_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0",
  );
  const changed = new Set(rows.map((row) => String(row.relname)));
  const tables = PERSON_TABLES.filter(
    ({ name, with: bound }) => changed.has(name) || bound.some((other) => changed.has(other)),
  );
  if (tables.length === 0) return;
  for (const { name } of tables) {
    await execute(db, `create temporary table kept_${name} on commit drop as select * from ${name}`);
  }
  await execute(db, `truncate ${tables.map(({ name }) => name).join(", ")}`);
  for (const { name, order, triggers } of tables) {
    if (triggers) await execute(db, `alter table ${name} disable trigger user`);
    await execute(db, `insert into ${name} select * from kept_${name} order by ${order}`);
    if (triggers) await execute(db, `alter table ${name} enable trigger user`);
  }
}
