import { eq } from "drizzle-orm";
import type { Connection } from "./connection.ts";

/** Named facts about the database itself. */
export class SettingRepository {
  constructor(private readonly connection: Connection) {}

  get(name: string): Promise<string | undefined> {
    const { settings } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select().from(settings).where(eq(settings.name, name));
      return row?.value;
    });
  }

  /** Stores `value` under `name`, in place of any value stored before. */
  async set(name: string, value: string): Promise<void> {
    const { settings } = this.connection.tables;
    await this.connection.use((db) =>
      db
        .insert(settings)
        .values({ name, value })
        .onConflictDoUpdate({ target: settings.name, set: { value } }),
    );
  }

  /** Stores `value` under `name` unless one is stored already; returns the value stored. */
  getOrSet(name: string, value: string): Promise<string> {
    const { settings } = this.connection.tables;
    return this.connection.use(async (db) => {
      await db.insert(settings).values({ name, value }).onConflictDoNothing();
      const [stored] = await db.select().from(settings).where(eq(settings.name, name));
      return stored!.value;
    });
  }
}
