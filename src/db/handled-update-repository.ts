import { lt } from "drizzle-orm";
import { hourOf } from "../privacy/coarse-time.ts";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { handledUpdates } from "./sqlite/schema.ts";

/** Telegram keeps an undelivered update for a day; ids older than this cannot come again. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

/** Ids of the updates the bot has handled, so that one delivered again changes nothing. */
export class HandledUpdateRepository {
  /** Both run on every update: prepared once. */
  private readonly hasStatement;
  private readonly markStatement;
  /** An answer marks its update in its own transaction; the end of that update need not mark it again. */
  private lastMarked: number | undefined;

  constructor(private readonly db: SurveyDatabase) {
    this.hasStatement = db.$client.prepare("select 1 from handled_updates where update_id = ?");
    this.markStatement = db.$client.prepare(
      "insert into handled_updates (update_id, handled_at) values (?, ?) on conflict do nothing",
    );
  }

  has(updateId: number): boolean {
    return this.hasStatement.get(updateId) !== undefined;
  }

  /** Marks the update handled; now and then forgets the ones too old to be delivered again. */
  mark(updateId: number, now: Date): void {
    if (updateId === this.lastMarked) return;
    // The hour only: an update's time next to an anonymous Submit would date it.
    this.markStatement.run(updateId, hourOf(now).getTime());
    this.lastMarked = updateId;
    if (updateId % PRUNE_EVERY === 0) {
      this.db
        .delete(handledUpdates)
        .where(lt(handledUpdates.handledAt, new Date(now.getTime() - KEEP_MS)))
        .run();
    }
  }
}
