import type { ConversationData, VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import { eq } from "drizzle-orm";
import type { Connection } from "./connection.ts";

/** Storage of @grammyjs/conversations in the database, so a conversation survives a restart. */
export class ConversationStateRepository implements VersionedStateStorage<string, ConversationData> {
  constructor(private readonly connection: Connection) {}

  read(key: string): Promise<VersionedState<ConversationData> | undefined> {
    const { conversationStates } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select().from(conversationStates).where(eq(conversationStates.key, key));
      return row ? (JSON.parse(row.state) as VersionedState<ConversationData>) : undefined;
    });
  }

  async write(key: string, state: VersionedState<ConversationData>): Promise<void> {
    const { conversationStates } = this.connection.tables;
    const json = JSON.stringify(state);
    await this.connection.use((db) =>
      db
        .insert(conversationStates)
        .values({ key, state: json })
        .onConflictDoUpdate({ target: conversationStates.key, set: { state: json } }),
    );
  }

  async delete(key: string): Promise<void> {
    const { conversationStates } = this.connection.tables;
    await this.connection.use((db) => db.delete(conversationStates).where(eq(conversationStates.key, key)));
  }
}
