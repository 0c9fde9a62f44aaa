import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { Translate } from "../i18n/translator.ts";
import type { BotServices } from "./bot-services.ts";
import type { ExpertChat } from "./expert-chat.ts";

export interface SurveyFlavor {
  services: BotServices;
  /** Translator for the language this user chose (or their Telegram client's, until they choose). */
  t: Translate;
  /** The sender's private chat with the survey, loaded once per update (created on first contact). */
  expertChat: () => Promise<ExpertChat>;
}

/** Context of the bot's own middleware; conversations see a plain Context and get services by closure. */
export type BotContext = ConversationFlavor<Context & SurveyFlavor>;
