import { eq } from "drizzle-orm";
import type { SurveyDatabase } from "./database.ts";
import { experts, participants, responses } from "./schema.ts";

export type Expert = typeof experts.$inferSelect;
export type ExpertAccount = Pick<Expert, "telegramId" | "username" | "firstName" | "lastName" | "language">;

/** Accounts of named experts: never written for an expert who answers anonymously. */
export class ExpertRepository {
  constructor(private readonly db: SurveyDatabase) {}

  find(pseudonym: string): Expert | undefined {
    return this.db.select().from(experts).where(eq(experts.pseudonym, pseudonym)).get();
  }

  save(pseudonym: string, account: ExpertAccount): void {
    this.db
      .insert(experts)
      .values({ pseudonym, ...account })
      .onConflictDoUpdate({ target: experts.pseudonym, set: account })
      .run();
  }

  update(pseudonym: string, changes: Partial<Pick<Expert, "remindersEnabled" | "inviteToNextWave">>): void {
    this.db.update(experts).set(changes).where(eq(experts.pseudonym, pseudonym)).run();
  }

  delete(pseudonym: string): void {
    this.db.delete(experts).where(eq(experts.pseudonym, pseudonym)).run();
  }

  /**
   * Deletes everything stored about a named expert: the account (with their invitations), the chat
   * position and every response given under their name. Anonymous responses carry another key and stay.
   * Returns how many responses were deleted.
   */
  deleteEverything(pseudonym: string): number {
    return this.db.transaction((tx) => {
      const deleted = tx.delete(responses).where(eq(responses.respondentKey, pseudonym)).run().changes;
      tx.delete(experts).where(eq(experts.pseudonym, pseudonym)).run();
      tx.delete(participants).where(eq(participants.pseudonym, pseudonym)).run();
      return deleted;
    });
  }
}
