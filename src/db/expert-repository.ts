import { eq } from "drizzle-orm";
import type { SurveyDatabase } from "./database.ts";
import { experts } from "./schema.ts";

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
}
