import { eq, inArray } from "drizzle-orm";
import type { Connection } from "./connection.ts";
import type { experts } from "./sqlite/schema.ts";

export type Expert = typeof experts.$inferSelect;
export type ExpertNames = Pick<Expert, "username" | "firstName" | "lastName">;

/** Accounts of named experts: never written for an expert who answers anonymously. */
export class ExpertRepository {
  constructor(private readonly connection: Connection) {}

  find(pseudonym: string): Promise<Expert | undefined> {
    const { experts } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select().from(experts).where(eq(experts.pseudonym, pseudonym));
      return row;
    });
  }

  /**
   * An expert who chose to answer with their name: the chat to write reminders and invitations to, and
   * nothing more until they submit.
   */
  async enrol(pseudonym: string, account: Pick<Expert, "telegramId" | "language">, now: Date): Promise<void> {
    const { experts } = this.connection.tables;
    await this.connection.use((db) =>
      db
        .insert(experts)
        .values({ pseudonym, ...account, createdAt: now })
        .onConflictDoUpdate({ target: experts.pseudonym, set: account }),
    );
  }

  /** At a named Submit: the names their Telegram profile shows, kept with the answers they signed. */
  async completeAccount(pseudonym: string, names: ExpertNames): Promise<void> {
    await this.update(pseudonym, names);
  }

  async update(
    pseudonym: string,
    changes: Partial<Pick<Expert, "remindersEnabled" | "inviteToNextWave"> & ExpertNames>,
  ): Promise<void> {
    const { experts } = this.connection.tables;
    await this.connection.use((db) =>
      db.update(experts).set(changes).where(eq(experts.pseudonym, pseudonym)),
    );
  }

  /**
   * Deletes the account, leaving no copy of it in the engine's log. Looked for first: every expert who
   * answers anonymously passes here, most without an account, and an erasing transaction is not cheap.
   */
  async delete(pseudonym: string): Promise<void> {
    const { experts } = this.connection.tables;
    if (!(await this.find(pseudonym))) return;
    await this.connection.erasing((db) => db.delete(experts).where(eq(experts.pseudonym, pseudonym)));
  }

  /**
   * Deletes everything stored about an expert: the account (with their invitations), the chat position,
   * every response given under their name and their unfinished anonymous drafts (`draftKeys`). Submitted
   * anonymous responses carry no key of theirs and stay. Returns how many responses were deleted.
   */
  async deleteEverything(pseudonym: string, draftKeys: readonly string[] = []): Promise<number> {
    const { experts, participants, responses } = this.connection.tables;
    return this.connection.erasing(async (db) => {
      const keys = [pseudonym, ...draftKeys];
      const gone = await db
        .delete(responses)
        .where(inArray(responses.respondentKey, keys))
        .returning({ id: responses.id });
      await db.delete(experts).where(eq(experts.pseudonym, pseudonym));
      await db.delete(participants).where(eq(participants.pseudonym, pseudonym));
      return gone.length;
    });
  }
}
