import { limit } from "@grammyjs/ratelimiter";
import { Bot, type BotConfig, type BotError, type Middleware } from "grammy";
import { isLanguage, languageFromTelegram } from "../i18n/translator.ts";
import { errorSummary, tokenFreeErrors } from "../token-redaction.ts";
import { apiRetry } from "./api-retry.ts";
import type { BotServices } from "./bot-services.ts";
import type { BotContext } from "./context.ts";
import { ExpertChat } from "./expert-chat.ts";
import { coordinatorFeature } from "./features/coordinator/coordinator-feature.ts";
import { typedAnswersFeature } from "./features/expert/answering.ts";
import { expertButtonsFeature } from "./features/expert/expert-buttons.ts";
import { invitationsFeature } from "./features/expert/invitations.ts";
import { myDataFeature } from "./features/expert/my-data.ts";
import { receiptsFeature } from "./features/expert/receipts.ts";
import { remindersFeature } from "./features/expert/reminders.ts";
import { startFeature } from "./features/expert/start.ts";
import { helpFeature } from "./features/help.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { oncePerUpdate } from "./once-per-update.ts";
import { ignoreForgedPrivateChats } from "./private-chat.ts";
import {
  DEFAULT_STORAGE_FAILURE_THRESHOLD,
  type StorageFailureOptions,
  storageFailures,
} from "./storage-failures.ts";

export interface CreateBotOptions {
  services: BotServices;
  botConfig?: BotConfig<BotContext>;
  /** Middleware that must run before everything else, e.g. the runner's per-chat sequentializer. */
  before?: Middleware<BotContext>;
  /** Updates one user may send per time frame before the rest are dropped (a flood, not a person). */
  rateLimit?: { limit: number; timeFrameMs: number };
  /** What to do when the storage keeps failing (default: only answer and log each failure). */
  storageFailures?: Partial<StorageFailureOptions>;
}

export const DEFAULT_RATE_LIMIT = { limit: 20, timeFrameMs: 2000 };

/**
 * Builds the bot without starting it. Order matters: error boundary → plugins → features → unhandled last.
 *
 * @example
 * const bot = createBot(token, { services, botConfig: { botInfo, client: { apiRoot } } });
 * await bot.handleUpdate(update);
 */
export function createBot(
  token: string,
  {
    services,
    botConfig,
    before,
    rateLimit = DEFAULT_RATE_LIMIT,
    storageFailures: onStorage,
  }: CreateBotOptions,
): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, botConfig);
  if (before) bot.use(before);
  bot.api.config.use(apiRetry(), tokenFreeErrors(token));

  const logFailure = (error: BotError<BotContext>) => {
    services.logger.error(
      { updateId: error.ctx.update.update_id, error: errorSummary(error.error, token) },
      "update failed",
    );
  };
  bot.catch(logFailure);
  const guarded = bot.errorBoundary(logFailure);
  guarded.use(ignoreForgedPrivateChats());
  guarded.use(
    storageFailures(services, {
      threshold: onStorage?.threshold ?? DEFAULT_STORAGE_FAILURE_THRESHOLD,
      onUnavailable: onStorage?.onUnavailable ?? (() => undefined),
    }),
  );
  guarded.use(
    limit<BotContext, never>({
      timeFrame: rateLimit.timeFrameMs,
      limit: rateLimit.limit,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      },
    }),
  );
  guarded.use(oncePerUpdate(services));
  guarded.use(async (ctx, next) => {
    ctx.services = services;
    const from = ctx.from;
    const pseudonym = from && services.pseudonyms.participant(from.id);
    const participant = pseudonym ? await services.participants.find(pseudonym) : undefined;
    const language = isLanguage(participant?.language)
      ? participant.language
      : languageFromTelegram(from?.language_code);
    ctx.t = services.translations.forLanguage(language);
    let chat: Promise<ExpertChat> | undefined;
    ctx.expertChat = () => {
      if (!from || !pseudonym) throw new Error("an expert chat needs a sender");
      chat ??= ExpertChat.open(ctx, from.id, { pseudonym, participant });
      return chat;
    };
    await next();
  });

  guarded.use(coordinatorFeature(services));
  guarded.use(startFeature);
  guarded.use(receiptsFeature);
  guarded.use(helpFeature);
  guarded.use(myDataFeature);
  guarded.use(invitationsFeature);
  guarded.use(remindersFeature);
  guarded.use(expertButtonsFeature);
  guarded.use(typedAnswersFeature);
  guarded.use(unhandledFeature);
  return bot;
}
