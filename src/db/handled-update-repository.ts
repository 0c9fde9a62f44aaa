import { eq, lt } from "drizzle-orm";
import { hourOf } from "../privacy/coarse-time.ts";
import type { Connection } from "./connection.ts";

/** Telegram keeps an undelivered update for a day; ids older than this cannot come again. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

/** Ids of the updates the bot has handled, so that one delivered again changes nothing. */
export class HandledUpdateRepository {
  /** An answer marks its update in its own transaction; the end of that update need not mark it again. */
  private lastMarked: number | undefined;

  constructor(private readonly connection: Connection) {}

  has(updateId: number): Promise<boolean> {
    const { handledUpdates } = this.connection.tables;
    return this.connection.use(async (db) => {
      const rows = await db
        .select({ updateId: handledUpdates.updateId })
        .from(handledUpdates)
        .where(eq(handledUpdates.updateId, updateId));
      return rows.length > 0;
    });
  }

  /** Marks the update handled; now and then forgets the ones too old to be delivered again. */
  async mark(updateId: number, now: Date): Promise<void> {
    if (updateId === this.lastMarked) return;
    const { handledUpdates } = this.connection.tables;
    await this.connection.use(async (db) => {
      // The hour only: an update's time next to an anonymous Submit would date it.
      await db
        .insert(handledUpdates)
        .values({ updateId, handledAt: hourOf(now) })
        .onConflictDoNothing();
      if (updateId % PRUNE_EVERY === 0) {
        await db
          .delete(handledUpdates)
          .where(lt(handledUpdates.handledAt, new Date(now.getTime() - KEEP_MS)));
      }
    });
    this.lastMarked = updateId;
  }
}
