import pino from "pino";
import type { BotServices } from "../../src/bot/context.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import { ConversationStateRepository } from "../../src/db/conversation-state-repository.ts";
import { openDatabase, type SurveyDatabase } from "../../src/db/database.ts";
import { ExpertRepository } from "../../src/db/expert-repository.ts";
import { ParticipantRepository } from "../../src/db/participant-repository.ts";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { Pseudonyms } from "../../src/privacy/pseudonyms.ts";
import { botInfo, FakeTelegram } from "./fake-telegram.ts";
import { questionnaires } from "./questionnaires.ts";

const translations = Translations.load();

/** The real bot over an in-memory database, talking to a FakeTelegram. */
export function createTestBot(
  options: {
    coordinatorIds?: number[];
    databasePath?: string;
    rateLimit?: { limit: number; timeFrameMs: number };
  } = {},
) {
  const telegram = new FakeTelegram();
  const db: SurveyDatabase = openDatabase(options.databasePath ?? ":memory:");
  const services: BotServices = {
    questionnaires,
    translations,
    pseudonyms: new Pseudonyms("test-key-test-key-test-key-test-key"),
    waves: new WaveRepository(db),
    participants: new ParticipantRepository(db),
    responses: new ResponseRepository(db),
    experts: new ExpertRepository(db),
    conversationStates: new ConversationStateRepository(db),
    coordinatorIds: new Set(options.coordinatorIds ?? []),
    logger: pino({ level: "silent" }),
    now: () => new Date(),
  };
  services.waves.ensureFirstWaves(questionnaires.keys(), new Date());
  const bot = createBot("123:test", {
    services,
    botConfig: { botInfo, client: { fetch: telegram.fetch as never } },
    rateLimit: options.rateLimit ?? { limit: 1000, timeFrameMs: 1000 },
  });
  return { bot, telegram, services, db };
}

export type TestBot = ReturnType<typeof createTestBot>;

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
