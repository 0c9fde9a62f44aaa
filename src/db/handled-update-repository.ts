import { eq, lt, sql } from "drizzle-orm";
import type { AnswerWrites } from "./answer-writes.ts";
import type { Connection } from "./connection.ts";

/** Telegram keeps an undelivered update for a day; ids older than this cannot come again. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

/** Ids of the updates the bot has handled, so that one delivered again changes nothing. */
export class HandledUpdateRepository {
  /** An answer marks its update in its own transaction; the end of that update need not mark it again. */
  private lastMarked: number | undefined;

  /** Run on every update: prepared once. */
  private readonly hasStatement;

  constructor(
    private readonly connection: Connection,
    private readonly writes: AnswerWrites,
  ) {
    const { handledUpdates } = connection.tables;
    this.hasStatement = connection.prepare("handled_update_has", (db) =>
      db
        .select({ updateId: handledUpdates.updateId })
        .from(handledUpdates)
        .where(eq(handledUpdates.updateId, sql.placeholder("updateId"))),
    );
  }

  /** The update was marked in another transaction (an answer's): its end need not mark it again. */
  markedWith(updateId: number): void {
    this.lastMarked = updateId;
  }

  async has(updateId: number): Promise<boolean> {
    return (await this.hasStatement({ updateId })).length > 0;
  }

  /** Marks the update handled; now and then forgets the ones too old to be delivered again. */
  async mark(updateId: number, now: Date): Promise<void> {
    if (updateId === this.lastMarked) return;
    const { handledUpdates } = this.connection.tables;
    await this.writes.markHandled(updateId, now);
    if (updateId % PRUNE_EVERY === 0) {
      await this.connection.use((db) =>
        db.delete(handledUpdates).where(lt(handledUpdates.handledAt, new Date(now.getTime() - KEEP_MS))),
      );
    }
    this.lastMarked = updateId;
  }
}
