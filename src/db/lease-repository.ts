import { and, eq, lte, or } from "drizzle-orm";
import type { Connection } from "./connection.ts";

/** Leases on jobs that one instance runs at a time, however many share the database. */
export class LeaseRepository {
  constructor(private readonly connection: Connection) {}

  /**
   * Takes or renews the lease `name` for `holder` until `now + ttlMs`: true when `holder` has it now, false
   * while another holder's lease runs. One statement, so two instances asking at once cannot both get it.
   */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const { leases } = this.connection.tables;
    const expiresAt = new Date(now.getTime() + ttlMs);
    return this.connection.use(async (db) => {
      const held = await db
        .insert(leases)
        .values({ name, holder, expiresAt })
        .onConflictDoUpdate({
          target: leases.name,
          set: { holder, expiresAt },
          setWhere: or(eq(leases.holder, holder), lte(leases.expiresAt, now)),
        })
        .returning({ holder: leases.holder });
      return held.length > 0;
    });
  }

  /** Gives the lease up at once, if `holder` has it. */
  async release(name: string, holder: string): Promise<void> {
    const { leases } = this.connection.tables;
    await this.connection.use((db) =>
      db
        .update(leases)
        .set({ expiresAt: new Date(0) })
        .where(and(eq(leases.name, name), eq(leases.holder, holder))),
    );
  }
}
