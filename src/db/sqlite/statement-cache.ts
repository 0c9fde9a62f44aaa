import type Database from "better-sqlite3";

/** More distinct statements than the bot's queries and the CLI's together: the cache never churns. */
const MAX_STATEMENTS = 500;

/**
 * Makes `sqlite.prepare` return the statement prepared before for the same SQL. drizzle prepares each query
 * it runs, and compiling the SQL cost more than running it; the repositories' queries are a few dozen texts.
 * A statement handed out again is reset to return rows as objects, the mode drizzle expects before it asks
 * for arrays itself.
 */
export function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
