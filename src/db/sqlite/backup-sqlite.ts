import { closeSync, existsSync, mkdirSync, openSync, realpathSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type Database from "better-sqlite3";

/**
 * Writes a consistent copy of the open database to `destination` with SQLite's online backup, which is safe
 * while the bot keeps writing. The copy is made next to the destination and renamed into place at the end,
 * so an interrupted backup never leaves a half-written file under the destination's name. Like the database,
 * a new folder is created 0700 and the copy 0600.
 *
 * @example
 * await backupDatabase(db.$client, "backups/survey-2025-03-01.db");
 */
export async function backupDatabase(database: Database.Database, destination: string): Promise<void> {
  const target = resolve(destination);
  if (database.memory) throw new Error("an in-memory database cannot be backed up");
  if (existsSync(target) && realpathSync(target) === realpathSync(database.name)) {
    throw new Error("the backup would overwrite the database itself; choose another path");
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    closeSync(openSync(partial, "w", 0o600));
    await database.backup(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}
