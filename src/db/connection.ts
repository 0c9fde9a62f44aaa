import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./sqlite/schema.ts";

/**
 * The tables as repositories see them. Each dialect defines its own (drizzle has no schema shared across
 * dialects); the PostgreSQL tables have the same names, columns and JavaScript types, so SQLite's definition
 * is the type of both.
 */
export type Tables = typeof schema;

/**
 * The query builder repositories write with. Typed as drizzle's asynchronous SQLite database: every query is
 * awaited, none uses a driver's synchronous `.get()`, `.all()` or `.run()`, so the same code runs on both.
 */
export type Db = BaseSQLiteDatabase<"async", unknown, Tables>;

/** One open database, SQLite or PostgreSQL: the only way repositories reach it. */
export interface Connection {
  readonly tables: Tables;
  /**
   * Runs `work` on its own, never inside a transaction another update has open. Not for the work of a
   * transaction, which uses the `db` the transaction gives it.
   */
  use<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * A query run often, built once with `sql.placeholder`s: on SQLite its statement is compiled once; on
   * PostgreSQL it is a named prepared statement. Run with the `db` of a transaction, it runs in it.
   */
  prepare<Q extends PromiseLike<unknown>>(name: string, build: (db: Db) => Q): Prepared<Awaited<Q>>;
  /**
   * Hands each row of a query to `visit` as an array of the driver's own values, without drizzle's mapping
   * of each row: for reads of many rows (SQLite streams them, never holding them all). The values differ by
   * engine (a flag is 1 or true, a JSON column text or parsed). Runs on `db`, the one `use` or a transaction
   * gives.
   */
  eachRow(db: Db, query: BuiltQuery, visit: (row: unknown[]) => void): Promise<void>;
  /**
   * Runs `work` in one transaction: a throw undoes it all. `work` reaches the database through its `db` only:
   * a repository called inside would wait for this transaction to end.
   */
  transaction<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `work` holding the lock of one person's row (`pseudonym`), so that two instances never handle
   * updates of one person at once; everything `work` stores commits with it. One process alone orders a
   * person's updates itself (SQLite): there it just runs `work`.
   */
  exclusiveFor<T>(pseudonym: string, work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction that erases rows about a person or severs them from their account (a
   * Submit of an anonymous draft, a withdrawal, a deleted account). Once it ends, nothing the engine keeps
   * shows which rows it wrote or what it deleted: no copy in a log, no dead row, no order or stamp of its own.
   */
  erasing<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** Writes a consistent copy of the database to `destination` (a file for SQLite, a dump for PostgreSQL). */
  backup(destination: string): Promise<void>;
  close(): Promise<void>;
}

/** A prepared query: run on its own, or in the transaction whose `db` is given. */
export type Prepared<R> = (params: Record<string, unknown>, transaction?: Db) => Promise<R>;

/** A query drizzle built, as SQL text and its parameters. */
export interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}
