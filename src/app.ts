import { run, sequentialize } from "@grammyjs/runner";
import type { Bot } from "grammy";
import pino, { type Logger } from "pino";
import type { BotContext, BotServices } from "./bot/context.ts";
import { createBot } from "./bot/create-bot.ts";
import type { Config } from "./config.ts";
import { ConversationStateRepository } from "./db/conversation-state-repository.ts";
import { openDatabase } from "./db/database.ts";
import { ExpertRepository } from "./db/expert-repository.ts";
import { ParticipantRepository } from "./db/participant-repository.ts";
import { ResponseRepository } from "./db/response-repository.ts";
import { WaveRepository } from "./db/wave-repository.ts";
import { LANGUAGES, Translations } from "./i18n/translator.ts";
import { loadOrCreateKey, Pseudonyms } from "./privacy/pseudonyms.ts";
import { loadQuestionnaires } from "./questionnaire/loader.ts";

export interface RunningApplication {
  bot: Bot<BotContext>;
  stop(): Promise<void>;
}

const EXPERT_COMMANDS = ["start", "language", "help", "cancel"] as const;

/** Wires the database, questionnaires, texts and the bot, and starts long polling. */
export async function startApplication(
  config: Config,
  logger: Logger = createLogger(config),
): Promise<RunningApplication> {
  const questionnaires = loadQuestionnaires();
  const db = openDatabase(config.databasePath);
  const services: BotServices = {
    questionnaires,
    translations: Translations.load(),
    pseudonyms: new Pseudonyms(config.pseudonymKey ?? loadOrCreateKey(config.pseudonymKeyFile)),
    waves: new WaveRepository(db),
    participants: new ParticipantRepository(db),
    responses: new ResponseRepository(db),
    experts: new ExpertRepository(db),
    conversationStates: new ConversationStateRepository(db),
    coordinatorIds: new Set(config.coordinatorIds),
    logger,
    now: () => new Date(),
  };
  services.waves.ensureFirstWaves(questionnaires.keys(), services.now());

  const bot = createBot(config.botToken, {
    services,
    botConfig: { client: { apiRoot: config.apiRoot } },
    before: sequentialize((ctx) => ctx.chatId?.toString()),
  });
  await bot.init();
  await setCommandMenus(bot, services);
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query"] } },
  });
  logger.info({ bot: bot.botInfo.username }, "bot started");
  return {
    bot,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      db.$client.close();
      logger.info("bot stopped");
    },
  };
}

function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, redact: ["token", "*.token"] });
}

async function setCommandMenus(bot: Bot<BotContext>, services: BotServices): Promise<void> {
  for (const language of LANGUAGES) {
    const t = services.translations.forLanguage(language);
    const commands = EXPERT_COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
    await bot.api.setMyCommands(commands, { language_code: language });
    if (language === "en") await bot.api.setMyCommands(commands);
  }
}
