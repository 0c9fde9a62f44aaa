import type { MiddlewareFn } from "grammy";
import { storageFailureCode } from "../db/storage-failure.ts";
import { languageFromTelegram } from "../i18n/translator.ts";
import type { BotServices } from "./bot-services.ts";
import type { BotContext } from "./context.ts";

export interface StorageFailureOptions {
  /** Storage failures in a row after which the bot takes no more updates. */
  threshold: number;
  /** Called once, when the threshold is reached: the caller stops taking updates. */
  onUnavailable: () => void;
}

/** Three in a row: one may be a lock that outlived the busy timeout, three mean the storage is down. */
export const DEFAULT_STORAGE_FAILURE_THRESHOLD = 3;

/**
 * An update whose write failed because of the storage (read-only, disk full, locked past the busy timeout)
 * is not lost in silence: the press is answered and the user is told, in their language, that nothing was
 * saved and to try again; one structured error is logged. After `threshold` such failures in a row, updates
 * would only be acknowledged into the void, so `onUnavailable` stops the bot taking them and Telegram keeps
 * them until it is back. An update that completes resets the count (nearly every one stores its handled
 * mark, so it shows that writes work again).
 */
export function storageFailures(
  services: BotServices,
  { threshold, onUnavailable }: StorageFailureOptions,
): MiddlewareFn<BotContext> {
  let inARow = 0;
  let unavailable = false;
  return async (ctx, next) => {
    try {
      await next();
      inARow = 0;
      return;
    } catch (error) {
      const code = storageFailureCode(error);
      if (!code) throw error;
      inARow += 1;
      const told = await tellNotSaved(ctx, services);
      services.logger.error(
        { updateId: ctx.update.update_id, code, failuresInARow: inARow, told },
        "update not saved: storage failed",
      );
    }
    if (inARow >= threshold && !unavailable) {
      unavailable = true;
      services.logger.error({ failuresInARow: inARow }, "storage unavailable: taking no more updates");
      onUnavailable();
    }
  };
}

/** Answers the press (a pop-up the user must close) or, failing that, writes to the chat. */
async function tellNotSaved(ctx: BotContext, services: BotServices): Promise<boolean> {
  // The failure may come before the user's language was looked up.
  const t = ctx.t ?? services.translations.forLanguage(languageFromTelegram(ctx.from?.language_code));
  const text = t("storage.not_saved");
  const answered = ctx.callbackQuery
    ? await ctx.answerCallbackQuery({ text, show_alert: true }).then(
        () => true,
        () => false,
      )
    : false;
  if (answered || !ctx.chat) return answered;
  return ctx.reply(text).then(
    () => true,
    () => false,
  );
}
