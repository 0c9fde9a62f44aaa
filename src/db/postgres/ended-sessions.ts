import type pg from "pg";
import { postgresCode } from "./postgres-code.ts";

/**
 * PostgreSQL's admin_shutdown: the server ended the session (an administrator, a restart, a failover)
 * and ran nothing more of it. A connection that sat idle in a pool meanwhile fails its next statement so.
 */
const SESSION_ENDED = "57P01";

/**
 * Runs `work` on a connection of `pool` again while it fails on a session the server had ended: the pool has
 * dropped that connection by then, and nothing of the work ran or committed on it. Each connection the pool
 * holds may have been ended, so it tries once more than the pool opens. Any other error is thrown at once.
 */
export async function againOnEndedSession<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const attempts = (pool.options.max ?? 1) + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || postgresCode(error) !== SESSION_ENDED) throw error;
    }
  }
}

/**
 * Makes every statement the pool runs by itself (drizzle's queries outside transactions) go to another
 * connection when the one it took had been ended by the server, so that a restart of the server costs no
 * update its answer: each such connection fails once and is dropped.
 */
export function retryEndedSessions(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) =>
    typeof args.at(-1) === "function"
      ? query(...args)
      : againOnEndedSession(pool, () => query(...args) as Promise<unknown>)) as typeof pool.query;
}
