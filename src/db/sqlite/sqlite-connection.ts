import type { BuiltQuery, Connection, Db, Prepared } from "../connection.ts";
import { backupSqlite } from "./backup-sqlite.ts";
import type { SurveyDatabase } from "./open-sqlite.ts";
import * as schema from "./schema.ts";
import { scrubWriteAheadLog } from "./wal-scrub.ts";

/** A drizzle query of the better-sqlite3 driver, whose `prepare()` compiles it once. */
interface Preparable<R> {
  prepare(): { execute(params: Record<string, unknown>): { sync(): R } };
}

/**
 * A better-sqlite3 database behind the asynchronous boundary. better-sqlite3 has one connection and runs each
 * statement synchronously, but a transaction awaits between its statements, and another update's handler may
 * run meanwhile: its statements would land inside the open transaction. So a transaction waits until no other
 * work is under way and holds the connection alone; other work waits while one is open or waiting. A
 * transaction's work uses the `db` it is given, never a repository (that would wait for the transaction
 * itself). Uncontended, a query starts synchronously.
 */
export class SqliteConnection implements Connection {
  readonly tables = schema;
  private readonly db: Db;
  private running = 0;
  private transactionOpen = false;
  private transactionsWaiting = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly database: SurveyDatabase) {
    // The same builder, awaited: drizzle runs a statement synchronously when its promise is awaited.
    this.db = database as unknown as Db;
  }

  async use<T>(work: (db: Db) => Promise<T>): Promise<T> {
    while (this.transactionOpen || this.transactionsWaiting > 0) await this.nextChange();
    this.running += 1;
    try {
      return await work(this.db);
    } finally {
      this.running -= 1;
      this.changed();
    }
  }

  prepare<Q extends PromiseLike<unknown>>(_name: string, build: (db: Db) => Q): Prepared<Awaited<Q>> {
    const statement = (build(this.db) as unknown as Preparable<Awaited<Q>>).prepare();
    // A prepared statement runs to its end synchronously: nothing can slip in while it runs, so it need not
    // wait for other work, only for a transaction left open across an await (or run inside its own).
    const run = (params: Record<string, unknown>) =>
      Promise.resolve(statement.execute(params).sync()) as Promise<Awaited<Q>>;
    return (params, transaction) =>
      transaction || !this.transactionOpen ? run(params) : this.use(() => run(params));
  }

  /** `db` stands for the hold its caller has (`use` or a transaction) on the one connection. */
  async eachRow(_db: Db, query: BuiltQuery, visit: (row: unknown[]) => void): Promise<void> {
    const { sql, params } = query.toSQL();
    for (const row of this.database.$client
      .prepare(sql)
      .raw(true)
      .iterate(...params))
      visit(row as unknown[]);
  }

  async transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    this.transactionsWaiting += 1;
    try {
      while (this.transactionOpen || this.running > 0) await this.nextChange();
    } finally {
      this.transactionsWaiting -= 1;
    }
    this.transactionOpen = true;
    const sqlite = this.database.$client;
    try {
      // IMMEDIATE takes the write lock at once, so that what the work reads stays true until it has written,
      // even with the CLI writing to the same file.
      sqlite.prepare("begin immediate").run();
      try {
        const result = await work(this.db);
        sqlite.prepare("commit").run();
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.prepare("rollback").run();
        throw error;
      }
    } finally {
      this.transactionOpen = false;
      this.changed();
    }
  }

  exclusiveFor<T>(_pseudonym: string, work: () => Promise<T>): Promise<T> {
    return work();
  }

  /**
   * `secure_delete` overwrites what the transaction deletes, and the tables it writes are WITHOUT ROWID with
   * random keys; what is left is the write-ahead log, emptied once the transaction ends, whichever way.
   */
  async erasing<T>(work: (db: Db) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(work);
    } finally {
      scrubWriteAheadLog(this.database.$client);
    }
  }

  backup(destination: string): Promise<void> {
    return backupSqlite(this.database.$client, destination);
  }

  async close(): Promise<void> {
    while (this.transactionOpen || this.running > 0 || this.transactionsWaiting > 0) await this.nextChange();
    this.database.$client.close();
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
