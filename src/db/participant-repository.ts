import { eq, sql } from "drizzle-orm";
import { dayOf } from "../privacy/coarse-time.ts";
import type { AnswerWrites, Participant, ParticipantChanges } from "./answer-writes.ts";
import type { Connection } from "./connection.ts";

/**
 * Chat position of each Telegram user, keyed by pseudonym. Read and written on every update. Its times keep
 * the day only: a finer one could be matched against the moment an anonymous response was submitted.
 */
export class ParticipantRepository {
  /** Read on every update: prepared once. */
  private readonly findStatement;

  constructor(
    private readonly connection: Connection,
    private readonly writes: AnswerWrites,
  ) {
    const { participants } = connection.tables;
    this.findStatement = connection.prepare("participant_find", (db) =>
      db
        .select()
        .from(participants)
        .where(eq(participants.pseudonym, sql.placeholder("pseudonym"))),
    );
  }

  async find(pseudonym: string): Promise<Participant | undefined> {
    const [row] = await this.findStatement({ pseudonym });
    return row;
  }

  /** Creates the participant on first contact, or returns the stored one. */
  async findOrCreate(pseudonym: string, now: Date): Promise<Participant> {
    const stored = await this.find(pseudonym);
    if (stored) return stored;
    const { participants } = this.connection.tables;
    await this.connection.use((db) =>
      db
        .insert(participants)
        .values({ pseudonym, updatedAt: dayOf(now) })
        .onConflictDoNothing(),
    );
    return (await this.find(pseudonym))!;
  }

  /** Applies `changes` to the participant as last read (`known`) and returns it as now stored. */
  update(known: Participant, changes: ParticipantChanges, now: Date): Promise<Participant> {
    return this.writes.saveParticipant(known, changes, now);
  }

  async delete(pseudonym: string): Promise<void> {
    const { participants } = this.connection.tables;
    await this.connection.use((db) => db.delete(participants).where(eq(participants.pseudonym, pseudonym)));
  }
}
