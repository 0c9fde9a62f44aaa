import Database from "better-sqlite3";
import { errorChain } from "./error-chain.ts";
import { postgresCode } from "./postgres/postgres-code.ts";

/**
 * SQLite's result codes for "the database cannot store this now": locked past the busy timeout, read-only,
 * disk full, an I/O error, a file that cannot be opened or is damaged. Other errors (a constraint, a bug)
 * are not about the storage.
 */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;
/**
 * PostgreSQL's classes of the same: connection exceptions (08), insufficient resources (53), operator
 * intervention such as a server shutting down (57), system errors (58), a read-only transaction (25006).
 */
const POSTGRES_CODES = /^(08|53|57|58)...$|^25006$/;
/** The server cannot be reached at all: the error is the socket's, not the server's. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
]);

/**
 * The engine's code when `error`, or an error it wraps, says the storage failed; undefined for anything else.
 *
 * @example
 * storageFailureCode(new Database.SqliteError("attempt to write a readonly database", "SQLITE_READONLY"));
 * // "SQLITE_READONLY"
 */
export function storageFailureCode(error: unknown): string | undefined {
  const postgres = postgresCode(error);
  if (postgres && POSTGRES_CODES.test(postgres)) return postgres;
  for (const current of errorChain(error)) {
    if (current instanceof Database.SqliteError && SQLITE_CODES.test(current.code)) return current.code;
    const { code } = current as NodeJS.ErrnoException;
    if (code && NETWORK_CODES.has(code)) return code;
    if (current.message === "Connection terminated unexpectedly") return "CONNECTION_TERMINATED";
  }
  return undefined;
}
