import type { MiddlewareFn } from "grammy";
import type { HandledUpdateRepository } from "../db/handled-update-repository.ts";
import type { BotContext } from "./context.ts";

/**
 * Telegram delivers again any update whose receipt the bot did not confirm before it stopped. An update
 * already handled is dropped; a typed answer marks its update in the same transaction that stores it, so
 * even a crash between the two cannot store it twice.
 */
export function oncePerUpdate(handled: HandledUpdateRepository, now: () => Date): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (handled.has(id)) return;
    await next();
    handled.mark(id, now());
  };
}
