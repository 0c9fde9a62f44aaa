import type Database from "better-sqlite3";

export type Row = Record<string, unknown>;

/** The project's tables (SQLite's own and drizzle's bookkeeping left out). */
export function projectTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      `select name from sqlite_master
       where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'
       order by name`,
    )
    .pluck()
    .all() as string[];
}

/**
 * Every row of every project table in a stable order (by content: some tables have no rowid), the
 * database's contents as plain data.
 */
export function tableRows(sqlite: Database.Database): Record<string, Row[]> {
  return Object.fromEntries(
    projectTables(sqlite).map((table) => {
      const rows = sqlite.prepare(`select * from "${table}"`).all() as Row[];
      const keyed = rows.map((row) => [JSON.stringify(row), row] as const);
      return [table, keyed.sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row)];
    }),
  );
}

/**
 * Rows of `before` that `after` no longer holds with the same values. Columns a later schema added are
 * ignored; a dropped column or table, or a changed value, counts as lost.
 */
export function lostRows(before: Record<string, Row[]>, after: Record<string, Row[]>): string[] {
  const lost: string[] = [];
  for (const [table, rows] of Object.entries(before)) {
    const columns = Object.keys(rows[0] ?? {});
    const remaining = new Map<string, number>();
    for (const row of after[table] ?? []) {
      const key = JSON.stringify(columns.map((column) => row[column]));
      remaining.set(key, (remaining.get(key) ?? 0) + 1);
    }
    for (const row of rows) {
      const key = JSON.stringify(columns.map((column) => row[column]));
      const count = remaining.get(key) ?? 0;
      if (count === 0) lost.push(`${table}: ${JSON.stringify(row)}`);
      else remaining.set(key, count - 1);
    }
  }
  return lost;
}
