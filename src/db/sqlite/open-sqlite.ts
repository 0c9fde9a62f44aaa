import { closeSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import * as schema from "./schema.ts";
import { cacheStatements } from "./statement-cache.ts";

export type SurveyDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * How long a write waits for a lock another connection holds (the CLI's import, a backup tool). better-sqlite3
 * waits synchronously, so the whole bot stands still meanwhile: kept short, and a write still locked after it
 * fails, and the user is told to try again (see src/bot/storage-failures.ts).
 */
export const BUSY_TIMEOUT_MS = 500;

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../drizzle/sqlite/", import.meta.url));

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare(
    "select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'",
  );
  return table.get()
    ? (sqlite.prepare("select count(*) from __drizzle_migrations").pluck().get() as number)
    : 0;
}

/**
 * Opens (creating if needed) the SQLite database and brings its schema up to date. Tests pass an older
 * `migrationsFolder` to build a database as an earlier version of the project left it.
 *
 * @example
 * const db = openDatabase(":memory:");
 */
export function openSqlite(path: string, migrationsFolder: string = MIGRATIONS_DIR): SurveyDatabase {
  if (path !== ":memory:") createPrivately(path);
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Deleted rows (an expert's erased data, a discarded draft) are overwritten, not left in free pages.
  sqlite.pragma("secure_delete = ON");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema, casing: "snake_case" });
  // drizzle-kit changes a column by rebuilding the table (copy, drop the old one, rename). With foreign keys
  // on, that drop deletes the rows pointing at the table (answers of responses) or fails; the migration's own
  // `PRAGMA foreign_keys=OFF` does nothing inside drizzle's transaction, so they are off around it.
  sqlite.pragma("foreign_keys = OFF");
  const applied = appliedMigrations(sqlite);
  if (readMigrationFiles({ migrationsFolder }).length > applied) {
    migrateOrRestore(sqlite, applied > 0 && !sqlite.memory ? path : undefined, () =>
      migrate(db, { migrationsFolder }),
    );
  }
  sqlite.pragma("foreign_keys = ON");
  return db;
}

/**
 * The database holds who answered what: its folder is created 0700 and the file 0600, and SQLite gives its
 * `-wal` and `-shm` files the database file's mode. An existing file keeps the mode its owner gave it.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "a", 0o600));
}

/**
 * Applies pending migrations and checks that no row is left pointing at nothing (the check reads every row,
 * so only after a migration). A database with data (`path`) is first copied with `VACUUM INTO`; if the
 * migration or the check fails, the copy is put back, so the next start finds the database as it was and
 * fails the same way instead of running on a half-migrated one.
 */
function migrateOrRestore(sqlite: Database.Database, path: string | undefined, apply: () => void): void {
  const backup = path === undefined ? undefined : `${path}.before-migration`;
  if (backup) {
    rmSync(backup, { force: true });
    closeSync(openSync(backup, "w", 0o600));
    sqlite.prepare("vacuum into ?").run(backup);
  }
  try {
    apply();
    const broken = sqlite.pragma("foreign_key_check") as { table: string }[];
    if (broken.length > 0) {
      throw new Error(`a migration left ${broken.length} rows of ${broken[0]!.table} pointing at nothing`);
    }
  } catch (error) {
    sqlite.close();
    if (path !== undefined && backup) {
      for (const file of [`${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
      renameSync(backup, path);
    }
    throw error;
  }
  if (backup) rmSync(backup);
}
