import { answerWrites } from "./answer-writes.ts";
import type { Connection } from "./connection.ts";
import { ConversationStateRepository } from "./conversation-state-repository.ts";
import { DraftRepository } from "./draft-repository.ts";
import { ExpertRepository } from "./expert-repository.ts";
import { FormRepository } from "./form-repository.ts";
import { HandledUpdateRepository } from "./handled-update-repository.ts";
import { InvitationRepository } from "./invitation-repository.ts";
import { LeaseRepository } from "./lease-repository.ts";
import { ParticipantRepository } from "./participant-repository.ts";
import { QuotaRepository } from "./quota-repository.ts";
import { ReminderRepository } from "./reminder-repository.ts";
import { ResultRepository } from "./result-repository.ts";
import { SettingRepository } from "./setting-repository.ts";
import { openSqlite } from "./sqlite/open-sqlite.ts";
import { SqliteConnection } from "./sqlite/sqlite-connection.ts";
import { SubmissionRepository } from "./submission-repository.ts";
import { TallyRepository } from "./tally-repository.ts";
import { WaveRepository } from "./wave-repository.ts";

/** Every repository over one open database, and what is done to the database as a whole. */
export class SurveyStore {
  readonly settings: SettingRepository;
  readonly waves: WaveRepository;
  readonly forms: FormRepository;
  readonly participants: ParticipantRepository;
  readonly handledUpdates: HandledUpdateRepository;
  readonly drafts: DraftRepository;
  readonly submissions: SubmissionRepository;
  readonly results: ResultRepository;
  readonly reminders: ReminderRepository;
  readonly tallies: TallyRepository;
  readonly experts: ExpertRepository;
  readonly quotas: QuotaRepository;
  readonly invitations: InvitationRepository;
  readonly conversationStates: ConversationStateRepository;
  readonly leases: LeaseRepository;

  constructor(private readonly connection: Connection) {
    this.settings = new SettingRepository(connection);
    this.waves = new WaveRepository(connection);
    this.forms = new FormRepository(connection);
    const writes = answerWrites(connection);
    this.participants = new ParticipantRepository(connection, writes);
    this.handledUpdates = new HandledUpdateRepository(connection, writes);
    this.drafts = new DraftRepository(connection, this.handledUpdates, writes);
    this.submissions = new SubmissionRepository(connection);
    this.results = new ResultRepository(connection);
    this.reminders = new ReminderRepository(connection);
    this.tallies = new TallyRepository(connection);
    this.experts = new ExpertRepository(connection);
    this.quotas = new QuotaRepository(connection);
    this.invitations = new InvitationRepository(connection);
    this.conversationStates = new ConversationStateRepository(connection);
    this.leases = new LeaseRepository(connection);
  }

  /**
   * Runs `work` so that no other instance handles an update of the same person meanwhile (see
   * {@link Connection.exclusiveFor}).
   */
  exclusiveFor<T>(pseudonym: string, work: () => Promise<T>): Promise<T> {
    return this.connection.exclusiveFor(pseudonym, work);
  }

  /** Writes a consistent copy of the database to `destination`. */
  backup(destination: string): Promise<void> {
    return this.connection.backup(destination);
  }

  /** Waits for the queries under way and closes the database. */
  close(): Promise<void> {
    return this.connection.close();
  }
}

/** Where the database is: a PostgreSQL server (`url`) or else an SQLite file (`path`, or ":memory:"). */
export interface StoreLocation {
  url?: string;
  path: string;
  /** On PostgreSQL, the most connections this process opens (see `PostgresConnection.open`). */
  connections?: number;
}

/**
 * Opens the database and brings its schema up to date.
 *
 * @example
 * const store = await openStore({ path: ":memory:" });
 */
export async function openStore(location: StoreLocation): Promise<SurveyStore> {
  // Loaded only when used: `pg` would lengthen every start on SQLite.
  const connection = location.url
    ? await (await import("./postgres/postgres-connection.ts")).PostgresConnection.open(
        location.url,
        location.connections,
      )
    : new SqliteConnection(openSqlite(location.path));
  return new SurveyStore(connection);
}
