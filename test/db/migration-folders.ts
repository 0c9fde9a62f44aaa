import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { MIGRATIONS_DIR } from "../../src/db/sqlite/open-sqlite.ts";

export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

function readJournal(): Journal {
  return JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as Journal;
}

/** The project's migrations in the order drizzle applies them. */
export function journalEntries(): JournalEntry[] {
  return readJournal().entries;
}

/**
 * A migrations folder as an older version of the project shipped it: its first `count` migrations, plus any
 * extra ones (SQL written here) after them.
 */
export function migrationsFolder(count: number, extra: { tag: string; sql: string }[] = []): string {
  const journal = readJournal();
  const folder = mkdtempSync(join(tmpdir(), "migrations-"));
  mkdirSync(join(folder, "meta"));
  const kept = journal.entries.slice(0, count);
  for (const entry of kept)
    copyFileSync(join(MIGRATIONS_DIR, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  let when = kept.at(-1)?.when ?? 0;
  const added = extra.map(({ tag, sql }, index) => {
    writeFileSync(join(folder, `${tag}.sql`), sql);
    when += 1;
    return { idx: kept.length + index, version: "6", when, tag, breakpoints: true };
  });
  writeFileSync(
    join(folder, "meta", "_journal.json"),
    JSON.stringify({ ...journal, entries: [...kept, ...added] }),
  );
  return folder;
}

/** Tables that another table's foreign key points at. */
export function referencedTables(sqlite: Database.Database, tables: string[]): string[] {
  const parents = new Set<string>();
  for (const table of tables) {
    for (const key of sqlite.pragma(`foreign_key_list("${table}")`) as { table: string }[])
      parents.add(key.table);
  }
  return [...parents].sort();
}

/**
 * A migration that rebuilds the tables the way drizzle-kit does when a column changes in SQLite: create
 * `__new_<table>`, copy the rows, drop the old table, rename, re-create its indexes.
 */
export function rebuildMigration(sqlite: Database.Database, tables: string[]): string {
  // Triggers that name a rebuilt table must be dropped first and created again after (SQLite refuses to
  // rename a table while a trigger refers to a missing one) — as a hand-edited real migration would do.
  const triggers = sqlite
    .prepare("select name, sql from sqlite_master where type = 'trigger'")
    .all()
    .filter((trigger) =>
      tables.some((table) => (trigger as { sql: string }).sql.includes(`\`${table}\``)),
    ) as {
    name: string;
    sql: string;
  }[];
  const statements = [
    "PRAGMA foreign_keys=OFF;",
    ...triggers.map((trigger) => `DROP TRIGGER \`${trigger.name}\`;`),
  ];
  for (const table of tables) {
    const definition = sqlite
      .prepare("select sql from sqlite_master where type = 'table' and name = ?")
      .pluck()
      .get(table) as string;
    const indexes = sqlite
      .prepare("select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null")
      .pluck()
      .all(table) as string[];
    const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[])
      .map((column) => `"${column.name}"`)
      .join(", ");
    statements.push(
      `${definition.replace(/^CREATE TABLE [`"]?\w+[`"]?/, `CREATE TABLE \`__new_${table}\``)};`,
      `INSERT INTO \`__new_${table}\`(${columns}) SELECT ${columns} FROM \`${table}\`;`,
      `DROP TABLE \`${table}\`;`,
      `ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`,
      ...indexes.map((index) => `${index};`),
    );
  }
  statements.push(...triggers.map((trigger) => `${trigger.sql};`), "PRAGMA foreign_keys=ON;");
  return statements.join("--> statement-breakpoint\n");
}
