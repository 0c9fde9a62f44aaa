import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { journalEntries, migrationsFolder, rebuildMigration, referencedTables } from "./migration-folders.ts";
import { fillTables } from "./sample-rows.ts";
import { lostRows, projectTables, type Row, tableRows } from "./table-rows.ts";

/** Every table another table's foreign key points at: the ones whose rebuild can take rows with it. */
const REBUILT = (() => {
  const db = openDatabase(":memory:");
  const tables = referencedTables(db.$client, projectTables(db.$client));
  db.$client.close();
  return tables;
})();

function databaseFile(): string {
  return join(mkdtempSync(join(tmpdir(), "upgrade-")), "survey.db");
}

describe("upgrading an older database", () => {
  it("keeps every row written under each earlier schema when the migrations are applied one by one", () => {
    const path = databaseFile();
    const migrations = journalEntries();
    let before: Record<string, Row[]> = {};
    for (let count = 1; count <= migrations.length; count++) {
      const db = openDatabase(path, migrationsFolder(count));
      fillTables(db.$client, count);
      before = tableRows(db.$client);
      db.$client.close();
    }
    expect(Object.values(before).flat().length).toBeGreaterThan(0);

    const db = openDatabase(path);
    const after = tableRows(db.$client);
    expect(lostRows(before, after)).toEqual([]);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.$client.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(
      migrations.length,
    );
    db.$client.close();
  });

  it.each(REBUILT)(
    "keeps the rows that point at %s when a migration rebuilds it (drizzle-kit's way of changing a column)",
    (table) => {
      const path = databaseFile();
      const current = openDatabase(path);
      fillTables(current.$client, 0);
      const before = tableRows(current.$client);
      const rebuild = rebuildMigration(current.$client, [table]);
      current.$client.close();

      const db = openDatabase(
        path,
        migrationsFolder(journalEntries().length, [{ tag: "9999_rebuild", sql: rebuild }]),
      );
      expect(lostRows(before, tableRows(db.$client))).toEqual([]);
      expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
      db.$client.close();
    },
  );

  it("refuses to start when a migration leaves rows pointing at nothing, and puts the database back as it was", () => {
    const path = databaseFile();
    const current = openDatabase(path);
    fillTables(current.$client, 0);
    const before = tableRows(current.$client);
    current.$client.close();

    const broken = migrationsFolder(journalEntries().length, [
      { tag: "9999_orphans", sql: "DELETE FROM waves;" },
    ]);
    expect(() => openDatabase(path, broken)).toThrow(/pointing at nothing/);
    // The next start does not run on a half-migrated database: it meets the same migration and refuses again.
    expect(() => openDatabase(path, broken)).toThrow(/pointing at nothing/);
    expect(existsSync(`${path}.before-migration`)).toBe(false);

    const db = openDatabase(path);
    expect(tableRows(db.$client)).toEqual(before);
    expect(db.$client.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(
      journalEntries().length,
    );
    db.$client.close();
  });
});
