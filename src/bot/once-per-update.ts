import type { MiddlewareFn } from "grammy";
import type { BotServices } from "./bot-services.ts";
import type { BotContext } from "./context.ts";

/**
 * Telegram delivers again any update whose receipt the bot did not confirm before it stopped, and by webhook
 * possibly to another instance. An update is handled holding its sender's lock (see
 * `SurveyStore.exclusiveFor`), so a second delivery waits for the first to finish and then finds it handled
 * and is dropped; a typed answer marks its update in the same transaction that stores it, so even a crash
 * between the two cannot store it twice.
 */
export function oncePerUpdate(
  services: Pick<BotServices, "store" | "handledUpdates" | "pseudonyms" | "now">,
): MiddlewareFn<BotContext> {
  const { store, handledUpdates, pseudonyms, now } = services;
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    const handle = async () => {
      if (await handledUpdates.has(id)) return;
      await next();
      await handledUpdates.mark(id, now());
    };
    const from = ctx.from;
    await (from ? store.exclusiveFor(pseudonyms.participant(from.id), handle) : handle());
  };
}
