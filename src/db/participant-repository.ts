import { eq } from "drizzle-orm";
import { dayOf } from "../privacy/coarse-time.ts";
import type { Connection } from "./connection.ts";
import type { participants } from "./sqlite/schema.ts";

export type Participant = typeof participants.$inferSelect;
export type ParticipantChanges = Partial<Omit<Participant, "pseudonym" | "updatedAt">>;

/**
 * Chat position of each Telegram user, keyed by pseudonym. Read and written on every update. Its times keep
 * the day only: a finer one could be matched against the moment an anonymous response was submitted.
 */
export class ParticipantRepository {
  constructor(private readonly connection: Connection) {}

  find(pseudonym: string): Promise<Participant | undefined> {
    const { participants } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select().from(participants).where(eq(participants.pseudonym, pseudonym));
      return row;
    });
  }

  /** Creates the participant on first contact, or returns the stored one. */
  findOrCreate(pseudonym: string, now: Date): Promise<Participant> {
    const { participants } = this.connection.tables;
    return this.connection.use(async (db) => {
      const stored = await this.find(pseudonym);
      if (stored) return stored;
      await db
        .insert(participants)
        .values({ pseudonym, updatedAt: dayOf(now) })
        .onConflictDoNothing();
      return (await this.find(pseudonym))!;
    });
  }

  /** Applies `changes` to the participant as last read (`known`) and returns it as now stored. */
  async update(known: Participant, changes: ParticipantChanges, now: Date): Promise<Participant> {
    const { participants } = this.connection.tables;
    const { pseudonym, ...saved }: Participant = {
      ...known,
      ...changes,
      consentedAt: changes.consentedAt ? dayOf(changes.consentedAt) : (known.consentedAt ?? null),
      updatedAt: dayOf(now),
    };
    await this.connection.use((db) =>
      db.update(participants).set(saved).where(eq(participants.pseudonym, pseudonym)),
    );
    return { pseudonym, ...saved };
  }

  async delete(pseudonym: string): Promise<void> {
    const { participants } = this.connection.tables;
    await this.connection.use((db) => db.delete(participants).where(eq(participants.pseudonym, pseudonym)));
  }
}
