import { randomInt } from "node:crypto";
import { SqliteError } from "better-sqlite3";

/** Ids up to 2^48: short enough to read in an export, wide enough that a clash is rare (and retried). */
export const MAX_ID = 2 ** 48;
const ATTEMPTS = 5;

/**
 * Inserts a row under a random id, trying another id when one is taken. Row ids that follow insertion order
 * would date every row against its neighbours; random ones tell nothing.
 */
export function withRandomId<T>(insert: (id: number) => T): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return insert(randomInt(1, MAX_ID));
    } catch (error) {
      const clash = error instanceof SqliteError && error.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
      if (!clash || attempt === ATTEMPTS) throw error;
    }
  }
}
