import type { ButtonAction, ButtonPress } from "./callback-data.ts";
import type { BotContext } from "./context.ts";
import type { ExpertChat } from "./expert-chat.ts";

/** What a button press does, given the expert's chat; returns the toast to show, if any. */
export type ActionHandler = (
  ctx: BotContext,
  chat: ExpertChat,
  press: ButtonPress,
) => Promise<string | undefined>;

export type ActionHandlers = Partial<Record<ButtonAction, ActionHandler>>;
