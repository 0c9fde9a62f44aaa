import type { BotContext } from "./context.ts";

/**
 * A coordinator acting for themselves: their id is in COORDINATOR_IDS, in a private chat, and the message is
 * not forwarded (a forward carries someone else's words). Statistics never reach a group.
 */
export function isCoordinator(ctx: BotContext): boolean {
  const forwarded = ctx.message?.forward_origin !== undefined;
  return (
    ctx.from !== undefined &&
    ctx.chat?.type === "private" &&
    !forwarded &&
    ctx.services.coordinatorIds.has(ctx.from.id)
  );
}
