import { eq, sql } from "drizzle-orm";
import type { SurveyDatabase } from "./database.ts";
import { participants } from "./schema.ts";

export type Participant = typeof participants.$inferSelect;
export type ParticipantChanges = Partial<Omit<Participant, "pseudonym" | "updatedAt">>;

/** Chat position of each Telegram user, keyed by pseudonym. Read and written on every update: prepared once. */
export class ParticipantRepository {
  private readonly findStatement;
  private readonly createStatement;

  constructor(private readonly db: SurveyDatabase) {
    this.findStatement = db
      .select()
      .from(participants)
      .where(eq(participants.pseudonym, sql.placeholder("pseudonym")))
      .prepare();
    this.createStatement = db
      .insert(participants)
      .values({ pseudonym: sql.placeholder("pseudonym"), updatedAt: sql.placeholder("updatedAt") })
      .onConflictDoNothing()
      .prepare();
  }

  find(pseudonym: string): Participant | undefined {
    return this.findStatement.get({ pseudonym });
  }

  /** Creates the participant on first contact, or returns the stored one. */
  findOrCreate(pseudonym: string, now: Date): Participant {
    const stored = this.find(pseudonym);
    if (stored) return stored;
    this.createStatement.run({ pseudonym, updatedAt: now });
    return this.find(pseudonym)!;
  }

  /** Applies `changes` and returns the participant as now stored (`known` saves reading it back). */
  update(pseudonym: string, changes: ParticipantChanges, now: Date, known?: Participant): Participant {
    this.db
      .update(participants)
      .set({ ...changes, updatedAt: now })
      .where(eq(participants.pseudonym, pseudonym))
      .run();
    return known ? { ...known, ...changes, updatedAt: now } : this.find(pseudonym)!;
  }

  delete(pseudonym: string): void {
    this.db.delete(participants).where(eq(participants.pseudonym, pseudonym)).run();
  }
}
