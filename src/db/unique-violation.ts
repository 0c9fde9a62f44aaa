import Database from "better-sqlite3";
import { errorChain } from "./error-chain.ts";
import { postgresCode } from "./postgres/postgres-code.ts";

/** PostgreSQL's SQLSTATE for a duplicate key. */
const POSTGRES_UNIQUE_VIOLATION = "23505";
const SQLITE_UNIQUE_VIOLATION = /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/;

/** Whether `error`, or an error it wraps, is a row refused for a key another row already has. */
export function isUniqueViolation(error: unknown): boolean {
  if (postgresCode(error) === POSTGRES_UNIQUE_VIOLATION) return true;
  for (const current of errorChain(error)) {
    if (current instanceof Database.SqliteError && SQLITE_UNIQUE_VIOLATION.test(current.code)) return true;
  }
  return false;
}
