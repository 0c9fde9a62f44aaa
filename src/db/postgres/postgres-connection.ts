import { execFile } from "node:child_process";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { promisify } from "node:util";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { BuiltQuery, Connection, Db, Prepared, Tables } from "../connection.ts";
import { againOnEndedSession, retryEndedSessions } from "./ended-sessions.ts";
import { migratePostgres } from "./migrate-postgres.ts";
import { lockPersonTables, rewritePersonTables } from "./rewrite-person-tables.ts";
import * as schema from "./schema.ts";

type PgDb = NodePgDatabase<typeof schema>;

/** A drizzle query of node-postgres, prepared under a name the server keeps per connection. */
interface Preparable<R> {
  prepare(name: string): { execute(params: Record<string, unknown>): Promise<R> };
}

/** What a drizzle node-postgres database holds: the pool, or in a transaction the pool's client it runs on. */
interface DrizzleSession {
  session: { client: pg.Pool | pg.PoolClient };
}

/**
 * The connections a process opens at most, by default: a fifth for queries, the rest for updates in progress,
 * each holding one for its person's lock (room for the 40 updates Telegram sends a webhook at a time).
 */
const DEFAULT_CONNECTIONS = 50;
const QUERY_SHARE = 0.2;

/**
 * A PostgreSQL database, shared by any number of bot instances. Queries run on a pool; a transaction's work
 * uses the connection it is given.
 */
export class PostgresConnection implements Connection {
  readonly tables = schema as unknown as Tables;
  private readonly db: PgDb;

  private constructor(
    private readonly url: string,
    private readonly queries: pg.Pool,
    private readonly locks: pg.Pool,
  ) {
    this.db = drizzle(queries, { schema, casing: "snake_case" });
  }

  /**
   * Connects to `url`, opening at most `connections` (at least 2) as they are needed, and brings the schema up
   * to date (under an advisory lock, see `migratePostgres`). Updates beyond the lock connections wait for one.
   */
  static async open(url: string, connections = DEFAULT_CONNECTIONS): Promise<PostgresConnection> {
    const queryConnections = Math.max(1, Math.round(connections * QUERY_SHARE));
    const queries = new pg.Pool({ connectionString: url, max: queryConnections });
    const locks = new pg.Pool({ connectionString: url, max: Math.max(1, connections - queryConnections) });
    // An idle connection the server closed (a restart, an administrator): the pool drops it and opens
    // another when needed. Unheard, the pool's error event would end the process.
    for (const pool of [queries, locks]) pool.on("error", () => {});
    retryEndedSessions(queries);
    try {
      await migratePostgres(queries);
    } catch (error) {
      await Promise.all([queries.end(), locks.end()]);
      throw error;
    }
    return new PostgresConnection(url, queries, locks);
  }

  use<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return work(this.db as unknown as Db);
  }

  prepare<Q extends PromiseLike<unknown>>(name: string, build: (db: Db) => Q): Prepared<Awaited<Q>> {
    const prepared = (db: Db) => (build(db) as unknown as Preparable<Awaited<Q>>).prepare(name);
    const onPool = prepared(this.db as unknown as Db);
    return (params, transaction) => (transaction ? prepared(transaction) : onPool).execute(params);
  }

  async eachRow(db: Db, query: BuiltQuery, visit: (row: unknown[]) => void): Promise<void> {
    const { sql, params } = query.toSQL();
    const { client } = (db as unknown as DrizzleSession).session;
    const { rows } = await client.query<unknown[]>({ text: sql, values: params, rowMode: "array" });
    for (const row of rows) visit(row);
  }

  /** A transaction that met a session the server had ended ran nothing: it runs again on another. */
  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return againOnEndedSession(this.queries, () => this.db.transaction((tx) => work(tx as unknown as Db)));
  }

  /**
   * Holds a session-level advisory lock keyed by the pseudonym on a connection of its own while `work` runs.
   * A lock rather than a transaction over the update: the update calls Telegram in between, and its writes
   * commit as they are made, as on SQLite. The lock goes with the session, so an instance that dies releases
   * it; the locks' own pool keeps queries from waiting behind held locks.
   */
  async exclusiveFor<T>(pseudonym: string, work: () => Promise<T>): Promise<T> {
    const client = await this.lockedClient(pseudonym);
    let broken: Error | undefined;
    // The server may close this connection while `work` runs: the unlock below then fails and the pool
    // discards the connection. Unheard, the connection's error event would end the process.
    const lost = (error: Error) => {
      broken = error;
    };
    client.on("error", lost);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [pseudonym]).catch((error) => {
        broken = error as Error;
      });
      client.off("error", lost);
      client.release(broken);
    }
  }

  /** A connection of the locks' pool holding `pseudonym`'s lock; one the server had ended is dropped. */
  private lockedClient(pseudonym: string): Promise<pg.PoolClient> {
    return againOnEndedSession(this.locks, async () => {
      const client = await this.locks.connect();
      try {
        await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [pseudonym]);
        return client;
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
    });
  }

  /**
   * The person tables are locked first and rewritten last (`rewritePersonTables`). PostgreSQL's own
   * write-ahead log is the server's: a deployment archives or recycles it by its policy.
   */
  erasing<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.transaction(async (db) => {
      await lockPersonTables(db);
      const result = await work(db);
      await rewritePersonTables(db);
      return result;
    });
  }

  /**
   * Runs `pg_dump` (custom format, what `pg_restore` reads) into `destination`, through a partial file renamed
   * at the end, like the SQLite backup.
   */
  async backup(destination: string): Promise<void> {
    const target = resolve(destination);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const partial = `${target}.partial`;
    try {
      await promisify(execFile)("pg_dump", ["--format=custom", `--file=${partial}`, this.url]);
      renameSync(partial, target);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      throw new Error(
        missing
          ? "pg_dump is not installed here: back the database up with pg_dump where it is"
          : `pg_dump failed: ${(error as Error).message}`,
        { cause: error },
      );
    } finally {
      rmSync(partial, { force: true });
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.queries.end(), this.locks.end()]);
  }
}
