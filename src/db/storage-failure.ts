import Database from "better-sqlite3";

/**
 * SQLite's result codes for "the database cannot store this now": locked past the busy timeout, read-only,
 * disk full, an I/O error, a file that cannot be opened or is damaged. Other errors (a constraint, a bug)
 * are not about the storage.
 */
const STORAGE_CODES = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;
/** drizzle wraps a driver's error in its own; a few levels of `cause` are enough to reach it. */
const MAX_CAUSE_DEPTH = 4;

/**
 * The SQLite code when `error`, or an error it wraps, says the storage failed; undefined for anything else.
 *
 * @example
 * storageFailureCode(new Database.SqliteError("attempt to write a readonly database", "SQLITE_READONLY"));
 * // "SQLITE_READONLY"
 */
export function storageFailureCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && current instanceof Error; depth += 1) {
    if (current instanceof Database.SqliteError && STORAGE_CODES.test(current.code)) return current.code;
    current = current.cause;
  }
  return undefined;
}
