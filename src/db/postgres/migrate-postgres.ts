import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL("../../../drizzle/postgres/", import.meta.url));

/**
 * The key of the session-level advisory lock migrations run under; any fixed number the database's other
 * users do not lock. Its value spells "survey" in ASCII.
 */
const MIGRATION_LOCK = 0x73_75_72_76_65_79;

/**
 * Brings the PostgreSQL schema up to date. Instances starting together each call this: the first to take
 * the advisory lock applies the migrations, the others wait for it and then find nothing left to apply
 * (without the lock, two migrators race to create drizzle's journal and the tables, and one fails).
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgres(pool);
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrationsFolder: string = POSTGRES_MIGRATIONS_DIR,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder });
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    client.release();
  } catch (error) {
    // Closing the session drops its lock as well, and no half-done session goes back to the pool.
    client.release(error as Error);
    throw error;
  }
}
