import type { ConversationData, VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import { eq } from "drizzle-orm";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { conversationStates } from "./sqlite/schema.ts";

/** Storage of @grammyjs/conversations in SQLite, so a conversation survives a restart. */
export class ConversationStateRepository implements VersionedStateStorage<string, ConversationData> {
  constructor(private readonly db: SurveyDatabase) {}

  read(key: string): VersionedState<ConversationData> | undefined {
    const row = this.db.select().from(conversationStates).where(eq(conversationStates.key, key)).get();
    return row ? (JSON.parse(row.state) as VersionedState<ConversationData>) : undefined;
  }

  write(key: string, state: VersionedState<ConversationData>): void {
    const json = JSON.stringify(state);
    this.db
      .insert(conversationStates)
      .values({ key, state: json })
      .onConflictDoUpdate({ target: conversationStates.key, set: { state: json } })
      .run();
  }

  delete(key: string): void {
    this.db.delete(conversationStates).where(eq(conversationStates.key, key)).run();
  }
}
