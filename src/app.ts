import { readFileSync } from "node:fs";
import { sequentialize } from "@grammyjs/runner";
import { Api, type Bot, Composer, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import pino, { type Logger } from "pino";
import type { BotServices } from "./bot/bot-services.ts";
import type { BotContext } from "./bot/context.ts";
import { createBot } from "./bot/create-bot.ts";
import { createServices } from "./bot/create-services.ts";
import { COORDINATOR_COMMANDS } from "./bot/features/coordinator/coordinator-feature.ts";
import { ReminderScheduler } from "./bot/reminders/reminder-scheduler.ts";
import { type Config, ConfigError } from "./config.ts";
import { openStore } from "./db/survey-store.ts";
import { sequentialKeys, startPolling, startWebhook } from "./delivery.ts";
import { LANGUAGES, Translations } from "./i18n/translator.ts";
import { InFlightUpdates } from "./in-flight-updates.ts";
import { installStudyForms } from "./interchange/study-forms.ts";
import { KeyMismatchError } from "./privacy/key-binding.ts";
import { KeyFileError, loadOrCreateKey } from "./privacy/pseudonyms.ts";
import { parseQuotaFile, QuotaFileError } from "./quotas/quota-file.ts";
import { settledWithin } from "./settled-within.ts";
import { errorSummary, tokenFreeErrors } from "./token-redaction.ts";

export interface RunningApplication {
  bot: Bot<BotContext>;
  /** Stops taking updates, lets those in progress finish (up to a deadline), then closes the database. */
  stop(): Promise<void>;
  /** Resolves when the storage keeps failing: the caller stops the bot and exits with a failure. */
  storageUnavailable: Promise<void>;
}

/**
 * How long a stop waits for updates in progress (an import, an invitation run's last sends, a slow Bot API
 * call). Below the 10 s a container runtime allows before it kills, well below systemd's 90 s.
 */
export const STOP_DEADLINE_MS = 8000;
/** Exit code after the storage kept failing (EX_TEMPFAIL): a supervisor restarts the bot later. */
export const STORAGE_UNAVAILABLE_EXIT_CODE = 75;

const EXPERT_COMMANDS = ["start", "language", "help", "cancel", "my_data", "delete_my_data"] as const;
/** Where coordinators' command descriptions live, by the feature that owns the command. */
const COORDINATOR_COMMAND_NAMESPACES = ["coordinator", "waves", "interchange"];

/** Wires the database, questionnaires, texts and the bot, and starts taking updates (polling or webhook). */
export async function startApplication(
  config: Config,
  logger: Logger = createLogger(config),
): Promise<RunningApplication> {
  const translations = Translations.load();
  const { databaseUrl: url, databasePath: path, databaseConnections: connections } = config;
  const store = await openStore({ url, path, connections });
  await installStudyForms(store, new Date());
  const services = await keyRefusalsAsConfigErrors(() =>
    createServices({
      store,
      translations,
      pseudonymKey: config.pseudonymKey ?? loadOrCreateKey(config.pseudonymKeyFile),
      token: config.botToken,
      client: { apiRoot: config.apiRoot },
      coordinatorIds: config.coordinatorIds,
      logger,
      now: () => new Date(),
    }),
  );
  if (config.quotasFile) await applyQuotaFile(services, config.quotasFile);

  const inFlight = new InFlightUpdates();
  let reportStorageUnavailable = () => {};
  const storageUnavailable = new Promise<void>((resolve) => {
    reportStorageUnavailable = resolve;
  });
  const bot = createBot(config.botToken, {
    services,
    botConfig: {
      client: {
        apiRoot: config.apiRoot,
        // By webhook, a press is answered in the reply to Telegram's request: one API call less per press.
        // answerCallbackQuery is the last call of a press, and its result is never needed.
        canUseWebhookReply: (method) => method === "answerCallbackQuery",
      },
    },
    before: new Composer<BotContext>(inFlight.middleware, sequentialize(sequentialKeys)),
    storageFailures: { onUnavailable: () => reportStorageUnavailable() },
  });
  bot.botInfo = await reachBotApi(config);
  const delivery = config.webhook
    ? await startWebhook(bot, config.webhook)
    : startPolling(bot, (error) => {
        logger.warn({ error: errorSummary(error, config.botToken) }, "getUpdates failed, polling again");
      });
  // Menus are set while updates already flow: experts need not wait for a dozen API calls at start.
  const menus = setCommandMenus(bot, services).catch((error: unknown) => {
    logger.warn({ error: String(error) }, "command menus not set");
  });
  const reminders = new ReminderScheduler(services);
  reminders.start();
  logger.info({ bot: bot.botInfo.username, mode: config.webhook ? "webhook" : "polling" }, "bot started");
  const shutdown = async () => {
    const deadline = Date.now() + STOP_DEADLINE_MS;
    const remaining = () => Math.max(0, deadline - Date.now());
    // By webhook, an update refused now is answered with an error and sent again by Telegram later. By
    // polling, every update fetched is already confirmed to Telegram, so each is handled to its end.
    if (config.webhook) inFlight.refuse();
    services.invitationRuns.stop();
    const fetching = delivery.stop();
    const handled = await inFlight.drained(remaining());
    const rest = await settledWithin(Promise.all([fetching, menus, reminders.stop()]), remaining());
    if (!handled || !rest) {
      logger.warn({ unfinishedUpdates: inFlight.count }, "stop deadline passed with work unfinished");
    }
    await store.close();
    logger.info("bot stopped");
  };
  let stopping: Promise<void> | undefined;
  return {
    bot,
    stop: () => {
      stopping ??= shutdown();
      return stopping;
    },
    storageUnavailable,
  };
}

/**
 * Asks the Bot API who the bot is, once and without retrying, so that a wrong token or an unreachable server
 * stops the start with a clear message instead of retrying in silence.
 */
async function reachBotApi(config: Config): Promise<UserFromGetMe> {
  try {
    const api = new Api(config.botToken, { apiRoot: config.apiRoot });
    api.config.use(tokenFreeErrors(config.botToken));
    return await api.getMe();
  } catch (error) {
    const refused = error instanceof GrammyError && error.error_code === 401;
    throw new ConfigError(
      refused
        ? "BOT_TOKEN was refused by Telegram: check it with @BotFather"
        : `cannot reach the Telegram Bot API at ${config.apiRoot} (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/** A key file or key the start refuses stops it with one line, like any other configuration error. */
async function keyRefusalsAsConfigErrors<T>(build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof KeyFileError || error instanceof KeyMismatchError)
      throw new ConfigError(error.message, { cause: error });
    throw error;
  }
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
    const coordinatorCommands = [
      ...commands,
      ...COORDINATOR_COMMANDS.map((command) => ({
        command,
        description: t(COORDINATOR_COMMAND_NAMESPACES.map((namespace) => `${namespace}:commands.${command}`)),
      })),
    ];
    for (const chatId of services.coordinatorIds) {
      const scope = { type: "chat" as const, chat_id: chatId };
      // A coordinator who has never opened the chat cannot get a menu yet ("chat not found"): the bot runs on.
      const targets = [{ scope, language_code: language }, ...(language === "en" ? [{ scope }] : [])];
      for (const target of targets) {
        await bot.api.setMyCommands(coordinatorCommands, target).catch((error: unknown) => {
          services.logger.warn({ chatId, error: String(error) }, "coordinator menu not set");
        });
      }
    }
  }
}

/** Applies the quota targets of QUOTAS_FILE; a file that cannot be used stops the start with its reason. */
async function applyQuotaFile(services: BotServices, path: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`QUOTAS_FILE: cannot read ${path} (${(error as Error).message})`, { cause: error });
  }
  try {
    for (const quota of parseQuotaFile(path, text, services.questionnaires))
      await services.quotas.set(quota, services.now());
  } catch (error) {
    if (!(error instanceof QuotaFileError)) throw error;
    throw new ConfigError(`QUOTAS_FILE: ${error.message}`, { cause: error });
  }
}
