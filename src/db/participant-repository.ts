import { eq } from "drizzle-orm";
import type { SurveyDatabase } from "./database.ts";
import { participants } from "./schema.ts";

export type Participant = typeof participants.$inferSelect;
export type ParticipantChanges = Partial<Omit<Participant, "pseudonym" | "updatedAt">>;

/** Chat position of each Telegram user, keyed by pseudonym. */
export class ParticipantRepository {
  constructor(private readonly db: SurveyDatabase) {}

  find(pseudonym: string): Participant | undefined {
    return this.db.select().from(participants).where(eq(participants.pseudonym, pseudonym)).get();
  }

  /** Creates the participant on first contact, or returns the stored one. */
  findOrCreate(pseudonym: string, now: Date): Participant {
    return (
      this.find(pseudonym) ??
      this.db
        .insert(participants)
        .values({ pseudonym, updatedAt: now })
        .onConflictDoNothing()
        .returning()
        .get() ??
      this.find(pseudonym)!
    );
  }

  update(pseudonym: string, changes: ParticipantChanges, now: Date): Participant {
    return this.db
      .update(participants)
      .set({ ...changes, updatedAt: now })
      .where(eq(participants.pseudonym, pseudonym))
      .returning()
      .get()!;
  }

  delete(pseudonym: string): void {
    this.db.delete(participants).where(eq(participants.pseudonym, pseudonym)).run();
  }
}
