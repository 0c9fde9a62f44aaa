import { eq, inArray } from "drizzle-orm";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { experts, participants, responses } from "./sqlite/schema.ts";
import { scrubWriteAheadLog } from "./sqlite/wal-scrub.ts";

export type Expert = typeof experts.$inferSelect;
export type ExpertNames = Pick<Expert, "username" | "firstName" | "lastName">;

/** Accounts of named experts: never written for an expert who answers anonymously. */
export class ExpertRepository {
  constructor(private readonly db: SurveyDatabase) {}

  find(pseudonym: string): Expert | undefined {
    return this.db.select().from(experts).where(eq(experts.pseudonym, pseudonym)).get();
  }

  /**
   * An expert who chose to answer with their name: the chat to write reminders and invitations to, and
   * nothing more until they submit.
   */
  enrol(pseudonym: string, account: Pick<Expert, "telegramId" | "language">, now: Date): void {
    this.db
      .insert(experts)
      .values({ pseudonym, ...account, createdAt: now })
      .onConflictDoUpdate({ target: experts.pseudonym, set: account })
      .run();
  }

  /** At a named Submit: the names their Telegram profile shows, kept with the answers they signed. */
  completeAccount(pseudonym: string, names: ExpertNames): void {
    this.db.update(experts).set(names).where(eq(experts.pseudonym, pseudonym)).run();
  }

  update(pseudonym: string, changes: Partial<Pick<Expert, "remindersEnabled" | "inviteToNextWave">>): void {
    this.db.update(experts).set(changes).where(eq(experts.pseudonym, pseudonym)).run();
  }

  /** Deletes the account, leaving no page image of it in the write-ahead log. */
  delete(pseudonym: string): void {
    if (this.db.delete(experts).where(eq(experts.pseudonym, pseudonym)).run().changes > 0)
      scrubWriteAheadLog(this.db.$client);
  }

  /**
   * Deletes everything stored about an expert: the account (with their invitations), the chat position,
   * every response given under their name and their unfinished anonymous drafts (`draftKeys`). Submitted
   * anonymous responses carry no key of theirs and stay. Returns how many responses were deleted.
   */
  deleteEverything(pseudonym: string, draftKeys: readonly string[] = []): number {
    const deleted = this.db.transaction((tx) => {
      const keys = [pseudonym, ...draftKeys];
      const count = tx.delete(responses).where(inArray(responses.respondentKey, keys)).run().changes;
      tx.delete(experts).where(eq(experts.pseudonym, pseudonym)).run();
      tx.delete(participants).where(eq(participants.pseudonym, pseudonym)).run();
      return count;
    });
    scrubWriteAheadLog(this.db.$client);
    return deleted;
  }
}
