import type { UserFromGetMe } from "grammy/types";
import pino, { type Logger } from "pino";
import { onTestFinished } from "vitest";
import { createBot } from "../../src/bot/create-bot.ts";
import { createServices } from "../../src/bot/create-services.ts";
import type { StorageFailureOptions } from "../../src/bot/storage-failures.ts";
import { openSqlite, type SurveyDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { SqliteConnection } from "../../src/db/sqlite/sqlite-connection.ts";
import { openStore, SurveyStore } from "../../src/db/survey-store.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { botInfo, FakeTelegram } from "./fake-telegram.ts";
import { freshPostgresDatabase } from "./postgres-server.ts";
import { questionnaires } from "./questionnaires.ts";

const translations = Translations.load();

/**
 * The store a test bot runs on: SQLite (`db`), or a fresh PostgreSQL database when the test project runs the
 * file on PostgreSQL (TEST_DATABASE=postgres), closed and dropped when the test ends.
 */
async function storeFor(db: SurveyDatabase, postgresUrl?: string): Promise<SurveyStore> {
  if (postgresUrl) return openStore({ url: postgresUrl, path: "" });
  if (process.env.TEST_DATABASE !== "postgres") return new SurveyStore(new SqliteConnection(db));
  const database = await freshPostgresDatabase();
  if (!database) throw new Error("TEST_DATABASE=postgres, but the test cluster did not start");
  const store = await openStore({ url: database.url, path: "" });
  onTestFinished(async () => {
    await store.close();
    await database.drop();
  });
  return store;
}

/**
 * The real bot over an in-memory database, talking to a FakeTelegram. `db` is the SQLite database under the
 * store, for tests that look at the stored rows as whoever holds the file would.
 */
export async function createTestBot(
  options: {
    coordinatorIds?: number[];
    databasePath?: string;
    rateLimit?: { limit: number; timeFrameMs: number };
    /** The clock of the bot and its scheduler (default: the real one). */
    now?: () => Date;
    /** A Bot API server to talk to (the emulator) instead of the FakeTelegram. */
    server?: { token: string; apiRoot: string; botInfo: UserFromGetMe };
    /** Where update and message ids start: past those of a bot this one restarts. */
    firstId?: number;
    logger?: Logger;
    storageFailures?: Partial<StorageFailureOptions>;
    /** A PostgreSQL database to run on in either test project (a test of PostgreSQL itself owns it). */
    postgresUrl?: string;
  } = {},
) {
  const telegram = new FakeTelegram(options.firstId);
  const token = options.server?.token ?? "123:test";
  const client = options.server ? { apiRoot: options.server.apiRoot } : { fetch: telegram.fetch as never };
  const db: SurveyDatabase = openSqlite(options.databasePath ?? ":memory:");
  const store = await storeFor(db, options.postgresUrl);
  const services = await createServices({
    store,
    questionnaires,
    translations,
    pseudonymKey: "test-key-test-key-test-key-test-key",
    token,
    client,
    coordinatorIds: options.coordinatorIds ?? [],
    logger: options.logger ?? pino({ level: "silent" }),
    now: options.now ?? (() => new Date()),
  });
  const bot = createBot(token, {
    services,
    botConfig: { botInfo: options.server?.botInfo ?? botInfo, client },
    rateLimit: options.rateLimit ?? { limit: 1000, timeFrameMs: 1000 },
    ...(options.storageFailures ? { storageFailures: options.storageFailures } : {}),
  });
  return { bot, telegram, services, db };
}

export type TestBot = Awaited<ReturnType<typeof createTestBot>>;

/** An expert talking to the test bot. */
export function expert(
  testBot: TestBot,
  from: { id: number; language_code?: string; first_name?: string; username?: string },
) {
  const { bot, telegram } = testBot;
  return {
    send: (text: string) => bot.handleUpdate(telegram.textUpdate(from, text)),
    press: (label: string | RegExp) => bot.handleUpdate(telegram.pressUpdate(from, label)),
    last: () => telegram.lastMessage(from.id),
    labels: () =>
      telegram
        .lastMessage(from.id)
        .buttons.flat()
        .map((b) => b.text),
  };
}
