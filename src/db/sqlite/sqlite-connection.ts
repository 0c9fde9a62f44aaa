import { AsyncLocalStorage } from "node:async_hooks";
import type { Connection, Db } from "../connection.ts";
import { backupSqlite } from "./backup-sqlite.ts";
import type { SurveyDatabase } from "./open-sqlite.ts";
import * as schema from "./schema.ts";
import { scrubWriteAheadLog } from "./wal-scrub.ts";

/** What the flow holding the connection is doing: plain queries, or a transaction it began. */
interface Holder {
  inTransaction: boolean;
}

/**
 * A better-sqlite3 database behind the asynchronous boundary. better-sqlite3 has one connection and runs each
 * statement synchronously, but a repository awaits between statements, and another update's handler may run
 * meanwhile: its statements would land inside a transaction left open. So the connection is held by one
 * flow at a time, in the order asked; a flow already holding it (tracked across its awaits) goes on at once.
 * Uncontended, a query starts synchronously, as before.
 */
export class SqliteConnection implements Connection {
  readonly dialect = "sqlite";
  readonly tables = schema;
  private readonly holder = new AsyncLocalStorage<Holder>();
  private readonly db: Db;
  private waiting = 0;
  private released: Promise<unknown> = Promise.resolve();

  constructor(readonly database: SurveyDatabase) {
    // The same builder, awaited: drizzle runs a statement synchronously when its promise is awaited.
    this.db = database as unknown as Db;
  }

  use<T>(work: (db: Db) => Promise<T>): Promise<T> {
    if (this.holder.getStore()) return work(this.db);
    return this.exclusively({ inTransaction: false }, () => work(this.db));
  }

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const held = this.holder.getStore();
    if (held?.inTransaction) {
      // Nested: a savepoint, so that a throw undoes this part only.
      return this.within(work, "savepoint nested", "release nested", "rollback to nested; release nested");
    }
    // IMMEDIATE takes the write lock at once, so that what the work reads stays true until it has written,
    // even with the CLI writing to the same file.
    const run = () => this.within(work, "begin immediate", "commit", "rollback");
    if (held) {
      held.inTransaction = true;
      return run().finally(() => {
        held.inTransaction = false;
      });
    }
    return this.exclusively({ inTransaction: true }, run);
  }

  exclusiveFor<T>(_pseudonym: string, work: () => Promise<T>): Promise<T> {
    return work();
  }

  erased(): void {
    scrubWriteAheadLog(this.database.$client);
  }

  backup(destination: string): Promise<void> {
    return backupSqlite(this.database.$client, destination);
  }

  async close(): Promise<void> {
    await this.released;
    this.database.$client.close();
  }

  private async within<T>(
    work: (db: Db) => Promise<T>,
    begin: string,
    commit: string,
    undo: string,
  ): Promise<T> {
    const sqlite = this.database.$client;
    sqlite.exec(begin);
    try {
      const result = await work(this.db);
      sqlite.exec(commit);
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec(undo);
      throw error;
    }
  }

  private exclusively<T>(holder: Holder, work: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const start = () => this.holder.run(holder, work);
    const result = this.waiting === 1 ? start() : this.released.then(start);
    const done = () => {
      this.waiting -= 1;
    };
    this.released = result.then(done, done);
    return result;
  }
}
