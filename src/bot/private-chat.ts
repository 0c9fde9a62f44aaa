import type { Context, Middleware } from "grammy";

/** The update comes from the sender's own private chat with the bot, whose id Telegram makes the user's id. */
export function inSendersPrivateChat(ctx: Context): boolean {
  return ctx.chat?.type === "private" && ctx.from !== undefined && ctx.chat.id === ctx.from.id;
}

/**
 * Drops an update that claims a private chat other than the sender's. Telegram never sends one: it is forged,
 * and any reply would go to the forger's chat, with someone else's data in it.
 */
export function ignoreForgedPrivateChats<C extends Context>(): Middleware<C> {
  return (ctx, next) => (ctx.chat?.type === "private" && !inSendersPrivateChat(ctx) ? undefined : next());
}
