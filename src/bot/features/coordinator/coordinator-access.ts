import type { BotContext } from "../../context.ts";
import { inSendersPrivateChat } from "../../private-chat.ts";

/**
 * A coordinator acting for themselves: their id is in COORDINATOR_IDS, in their own private chat (not a group,
 * nor a chat id someone else put in a forged update), and the message is not forwarded (a forward carries
 * someone else's words). Statistics never reach a group.
 */
export function isCoordinator(ctx: BotContext): boolean {
  const forwarded = ctx.message?.forward_origin !== undefined;
  return (
    ctx.from !== undefined &&
    inSendersPrivateChat(ctx) &&
    !forwarded &&
    ctx.services.coordinatorIds.has(ctx.from.id)
  );
}
