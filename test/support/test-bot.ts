import type { UserFromGetMe } from "grammy/types";
import pino from "pino";
import type { BotServices } from "../../src/bot/context.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import { createBroadcastApi } from "../../src/bot/monitoring/broadcast-api.ts";
import { ConversationStateRepository } from "../../src/db/conversation-state-repository.ts";
import { openDatabase, type SurveyDatabase } from "../../src/db/database.ts";
import { ExpertRepository } from "../../src/db/expert-repository.ts";
import { HandledUpdateRepository } from "../../src/db/handled-update-repository.ts";
import { InvitationRepository } from "../../src/db/invitation-repository.ts";
import { ParticipantRepository } from "../../src/db/participant-repository.ts";
import { QuotaRepository } from "../../src/db/quota-repository.ts";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { TallyRepository } from "../../src/db/tally-repository.ts";
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
    /** The clock of the bot and its scheduler (default: the real one). */
    now?: () => Date;
    /** A Bot API server to talk to (the emulator) instead of the FakeTelegram. */
    server?: { token: string; apiRoot: string; botInfo: UserFromGetMe };
  } = {},
) {
  const telegram = new FakeTelegram();
  const token = options.server?.token ?? "123:test";
  const client = options.server ? { apiRoot: options.server.apiRoot } : { fetch: telegram.fetch as never };
  const db: SurveyDatabase = openDatabase(options.databasePath ?? ":memory:");
  const services: BotServices = {
    questionnaires,
    translations,
    pseudonyms: new Pseudonyms("test-key-test-key-test-key-test-key"),
    waves: new WaveRepository(db),
    participants: new ParticipantRepository(db),
    responses: new ResponseRepository(db),
    tallies: new TallyRepository(db),
    handledUpdates: new HandledUpdateRepository(db),
    experts: new ExpertRepository(db),
    quotas: new QuotaRepository(db),
    invitations: new InvitationRepository(db),
    broadcastApi: createBroadcastApi(token, client),
    conversationStates: new ConversationStateRepository(db),
    coordinatorIds: new Set(options.coordinatorIds ?? []),
    logger: pino({ level: "silent" }),
    now: options.now ?? (() => new Date()),
  };
  services.waves.ensureFirstWaves(questionnaires.keys(), services.now());
  const bot = createBot(token, {
    services,
    botConfig: { botInfo: options.server?.botInfo ?? botInfo, client },
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
