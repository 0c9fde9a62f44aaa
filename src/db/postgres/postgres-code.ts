import { errorChain } from "../error-chain.ts";

/**
 * The SQLSTATE of a PostgreSQL error, also when drizzle wraps it; undefined for any other error. pg's
 * DatabaseError is recognised by its fields: importing `pg` for its class would load it on SQLite too.
 */
export function postgresCode(error: unknown): string | undefined {
  for (const current of errorChain(error)) {
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && "severity" in current) return code;
  }
  return undefined;
}
