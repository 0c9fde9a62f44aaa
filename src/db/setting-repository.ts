import { eq } from "drizzle-orm";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { settings } from "./sqlite/schema.ts";

/** Named facts about the database itself. */
export class SettingRepository {
  constructor(private readonly db: SurveyDatabase) {}

  get(name: string): string | undefined {
    return this.db.select().from(settings).where(eq(settings.name, name)).get()?.value;
  }

  /** Stores `value` under `name`, in place of any value stored before. */
  set(name: string, value: string): void {
    this.db
      .insert(settings)
      .values({ name, value })
      .onConflictDoUpdate({ target: settings.name, set: { value } })
      .run();
  }

  /** Stores `value` under `name` unless one is stored already; returns the value stored. */
  getOrSet(name: string, value: string): string {
    this.db.insert(settings).values({ name, value }).onConflictDoNothing().run();
    return this.get(name)!;
  }
}
