/** drizzle wraps a driver's error in its own; a few levels of `cause` are enough to reach it. */
const MAX_CAUSE_DEPTH = 4;

/**
 * The SQLSTATE of a PostgreSQL error, also when drizzle wraps it; undefined for any other error. pg's
 * DatabaseError is recognised by its fields: importing `pg` for its class would load it on SQLite too.
 */
export function postgresCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && current instanceof Error; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && "severity" in current) return code;
    current = current.cause;
  }
  return undefined;
}
