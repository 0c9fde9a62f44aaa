import { type Column, getTableColumns, getTableName, type Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as postgres from "../../src/db/postgres/schema.ts";
import * as sqlite from "../../src/db/sqlite/schema.ts";

type Rows<T extends Record<string, Table>> = {
  [K in keyof T]: { select: T[K]["$inferSelect"]; insert: T[K]["$inferInsert"] };
};

/** SQLite's integer primary keys default to a new rowid; of these, only the update id never uses it. */
const ROWID_DEFAULT_UNUSED = new Set(["handled_updates.update_id"]);

function columnsOf(table: Table) {
  return Object.entries(getTableColumns(table)).map(([property, column]: [string, Column]) => ({
    property,
    name: column.name,
    notNull: column.notNull,
    hasDefault: column.hasDefault && !ROWID_DEFAULT_UNUSED.has(`${getTableName(table)}.${column.name}`),
    primary: column.primary,
    enumValues: column.enumValues,
  }));
}

describe("the PostgreSQL schema, twin of the SQLite one", () => {
  it("gives repositories the same values to read and write", () => {
    // Checked by the type checker (npm run typecheck): any column whose JS type differs fails it.
    expectTypeOf<Omit<Rows<typeof postgres>, "handledUpdates">>().toEqualTypeOf<
      Omit<Rows<typeof sqlite>, "handledUpdates">
    >();
    // SQLite's integer primary key may be left out of an insert (it is the rowid); the update id never is.
    expectTypeOf<Required<typeof postgres.handledUpdates.$inferInsert>>().toEqualTypeOf<
      Required<typeof sqlite.handledUpdates.$inferInsert>
    >();
    expectTypeOf<typeof postgres.handledUpdates.$inferSelect>().toEqualTypeOf<
      typeof sqlite.handledUpdates.$inferSelect
    >();
  });

  it("has the same tables, columns, keys, indexes and foreign keys", () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    const twins = new Map<string, Table>(Object.entries(postgres));
    for (const [exported, table] of Object.entries(sqlite)) {
      const twin = twins.get(exported)!;
      expect(getTableName(twin)).toBe(getTableName(table));
      expect(columnsOf(twin)).toEqual(columnsOf(table));
      const [pgConfig, sqliteConfig] = [pgTableConfig(twin), sqliteTableConfig(table)];
      const keysOf = (config: typeof pgConfig | typeof sqliteConfig) => ({
        primaryKeys: config.primaryKeys.map((key) => key.columns.map((column) => column.name)),
        indexes: config.indexes.map(({ config: index }) => ({
          name: index.name,
          unique: index.unique,
          columns: index.columns.map((column) => (column as Column).name),
        })),
        uniques: config.uniqueConstraints.map((unique) => unique.columns.map((column) => column.name)),
        foreignKeys: config.foreignKeys.map((key) => {
          const reference = key.reference();
          return {
            columns: reference.columns.map((column) => column.name),
            table: getTableName(reference.foreignTable),
            onDelete: key.onDelete ?? "no action",
          };
        }),
      });
      expect(keysOf(pgConfig), exported).toEqual(keysOf(sqliteConfig));
    }
  });
});
