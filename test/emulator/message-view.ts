import type { Message } from "grammy/types";
import type { StoredMessage } from "./chat-state.ts";

/** A bot message as a test sees it, reflecting edits and deletion. */
export interface BotMessageView {
  message_id: number;
  /** The text, or the caption of a media message ("" if none). */
  text: string;
  html?: string;
  caption?: string;
  buttons: string[][];
  callbackData: string[][];
  photo?: Buffer;
  document?: { fileName: string; mimeType: string; bytes: Buffer; caption: string | undefined };
  edits: number;
  deleted: boolean;
  raw: Message;
}

export function toView(stored: StoredMessage): BotMessageView {
  const { message } = stored;
  const rows = message.reply_markup?.inline_keyboard ?? [];
  return {
    message_id: message.message_id,
    text: message.text ?? message.caption ?? "",
    ...(stored.html !== undefined ? { html: stored.html } : {}),
    ...(message.caption !== undefined ? { caption: message.caption } : {}),
    buttons: rows.map((row) => row.map((button) => button.text)),
    callbackData: rows.map((row) =>
      row.map((button) => ("callback_data" in button ? button.callback_data : "")),
    ),
    ...(stored.photo ? { photo: stored.photo } : {}),
    ...(stored.document ? { document: { ...stored.document } } : {}),
    edits: stored.edits,
    deleted: stored.deleted,
    raw: message,
  };
}

export function describeMessages(messages: readonly BotMessageView[], count = 5): string {
  if (messages.length === 0) return "  (the bot has sent no messages in this chat)";
  return messages
    .slice(-count)
    .map((view) => {
      const flags = [view.deleted ? "deleted" : "", view.edits > 0 ? `edited ×${view.edits}` : ""].filter(
        Boolean,
      );
      const buttons = view.buttons.length > 0 ? ` buttons=${JSON.stringify(view.buttons)}` : "";
      const text = view.text.length > 300 ? `${view.text.slice(0, 300)}…` : view.text;
      return `  #${view.message_id}${flags.length ? ` (${flags.join(", ")})` : ""}: ${JSON.stringify(text)}${buttons}`;
    })
    .join("\n");
}
