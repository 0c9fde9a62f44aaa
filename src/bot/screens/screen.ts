import type { InlineKeyboard } from "grammy";

/** One message the bot shows: HTML text and its buttons. */
export interface Screen {
  text: string;
  keyboard?: InlineKeyboard;
}

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
