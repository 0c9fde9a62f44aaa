import type Database from "better-sqlite3";

const RETRY_MS = 1000;
const ATTEMPTS = 30;

/**
 * Copies the write-ahead log into the database file and truncates it to nothing, so that rows just erased
 * (a draft sealed into an anonymous response, a deleted account) leave no page image behind in `-wal`; with
 * `secure_delete` the main file has already overwritten them. A reader (the CLI, a backup) can hold the log
 * for a moment: then it tries again in the background, never waiting on the lock in the event loop.
 */
export function scrubWriteAheadLog(sqlite: Database.Database, attemptsLeft = ATTEMPTS): void {
  if (!sqlite.open || sqlite.memory || sqlite.inTransaction) return;
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  let done = false;
  try {
    const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number }[];
    done = result !== undefined && result.busy === 0 && result.log <= 0;
  } catch {
    done = false;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
  if (!done && attemptsLeft > 1) {
    setTimeout(() => scrubWriteAheadLog(sqlite, attemptsLeft - 1), RETRY_MS).unref();
  }
}
