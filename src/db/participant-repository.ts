import { eq, sql } from "drizzle-orm";
import { dayOf } from "../privacy/coarse-time.ts";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { participants } from "./sqlite/schema.ts";

export type Participant = typeof participants.$inferSelect;
export type ParticipantChanges = Partial<Omit<Participant, "pseudonym" | "updatedAt">>;

/** A participant as SQLite stores it: flags as 0/1, times as milliseconds. */
type StoredParticipantRow = Omit<Participant, "anonymous" | "consentedAt" | "updatedAt"> & {
  anonymous: number | null;
  consentedAt: number | null;
  updatedAt: number;
};

/**
 * Chat position of each Telegram user, keyed by pseudonym. Read and written on every update. Its times keep
 * the day only: a finer one could be matched against the moment an anonymous response was submitted.
 */
export class ParticipantRepository {
  private readonly findStatement;
  private readonly createStatement;
  /** Writes every column, so that one statement prepared once serves any change. */
  private readonly saveStatement;

  constructor(private readonly db: SurveyDatabase) {
    // Plain rows, read on every update: drizzle's generic mapping of each column costs more than the query.
    this.findStatement = db.$client.prepare<[string], StoredParticipantRow>(
      `select pseudonym, language, stage, questionnaire, anonymous, consented_at as consentedAt,
         screen_message_id as screenMessageId, screen_revision as screenRevision, updated_at as updatedAt
       from participants where pseudonym = ?`,
    );
    this.createStatement = db
      .insert(participants)
      .values({ pseudonym: sql.placeholder("pseudonym"), updatedAt: sql.placeholder("updatedAt") })
      .onConflictDoNothing()
      .prepare();
    this.saveStatement = db.$client.prepare(
      `update participants set language = @language, stage = @stage, questionnaire = @questionnaire,
         anonymous = @anonymous, consented_at = @consentedAt, screen_message_id = @screenMessageId,
         screen_revision = @screenRevision, updated_at = @updatedAt
       where pseudonym = @pseudonym`,
    );
  }

  find(pseudonym: string): Participant | undefined {
    const row = this.findStatement.get(pseudonym);
    return (
      row && {
        ...row,
        anonymous: row.anonymous === null ? null : row.anonymous === 1,
        consentedAt: row.consentedAt === null ? null : new Date(row.consentedAt),
        updatedAt: new Date(row.updatedAt),
      }
    );
  }

  /** Creates the participant on first contact, or returns the stored one. */
  findOrCreate(pseudonym: string, now: Date): Participant {
    const stored = this.find(pseudonym);
    if (stored) return stored;
    this.createStatement.run({ pseudonym, updatedAt: dayOf(now) });
    return this.find(pseudonym)!;
  }

  /** Applies `changes` to the participant as last read (`known`) and returns it as now stored. */
  update(known: Participant, changes: ParticipantChanges, now: Date): Participant {
    const saved: Participant = {
      ...known,
      ...changes,
      consentedAt: changes.consentedAt ? dayOf(changes.consentedAt) : (known.consentedAt ?? null),
      updatedAt: dayOf(now),
    };
    this.saveStatement.run({
      ...saved,
      anonymous: saved.anonymous === null ? null : Number(saved.anonymous),
      consentedAt: saved.consentedAt?.getTime() ?? null,
      updatedAt: saved.updatedAt.getTime(),
    });
    return saved;
  }

  delete(pseudonym: string): void {
    this.db.delete(participants).where(eq(participants.pseudonym, pseudonym)).run();
  }
}
