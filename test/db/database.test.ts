import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import * as schema from "../../src/db/sqlite/schema.ts";
import { journalEntries } from "./migration-folders.ts";

function databaseFile(): string {
  return join(mkdtempSync(join(tmpdir(), "survey-db-")), "survey.db");
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

describe("the database", () => {
  it("runs in WAL mode with foreign keys on and a short busy timeout (it blocks the whole bot)", () => {
    const db = openDatabase(databaseFile());
    const sqlite = db.$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(500);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(1);
    sqlite.close();
  });

  it("creates its folder 0700 and the database with its -wal and -shm 0600: only the bot's user reads them", () => {
    const path = join(mkdtempSync(join(tmpdir(), "survey-db-")), "private", "survey.db");
    const db = openDatabase(path);
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect([path, `${path}-wal`, `${path}-shm`].map(mode)).toEqual([0o600, 0o600, 0o600]);
    expect(mode(join(path, ".."))).toBe(0o700);
    db.$client.close();
  });

  it("refuses an answer whose response does not exist", () => {
    const db = openDatabase(databaseFile());
    expect(() =>
      db.$client
        .prepare("insert into answers (response_id, question_id, value, answered_at) values (?, ?, ?, ?)")
        .run(999, "region", '{"kind":"choice","option":"shymkent"}', Date.now()),
    ).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });

  it("applies every migration at start, once, however often it is opened", () => {
    const path = databaseFile();
    openDatabase(path).$client.close();
    const db = openDatabase(path);
    const applied = db.$client.prepare("select hash from __drizzle_migrations").all();
    expect(applied).toHaveLength(journalEntries().length);
    db.$client.close();
  });

  it("has every table and column the schema declares, so no migration is missing", () => {
    const db = openDatabase(":memory:");
    const tables = Object.values(schema).filter((value) => is(value, SQLiteTable));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = (db.$client.pragma(`table_info("${config.name}")`) as { name: string }[]).map(
        (column) => column.name,
      );
      expect(columns, config.name).toEqual(
        expect.arrayContaining(config.columns.map((column) => snakeCase(column.name))),
      );
    }
    db.$client.close();
  });
});
