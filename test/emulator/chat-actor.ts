import type { CallbackQuery, InaccessibleMessage, Message, MessageEntity, User } from "grammy/types";
import type { ChatState, StoredMessage } from "./chat-state.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import { photoSizes } from "./file-store.ts";
import { SimulatedChat } from "./simulated-chat.ts";

export interface DocumentInput {
  fileName: string;
  mimeType?: string;
  bytes: Buffer | Uint8Array | string;
  caption?: string;
}

export interface PhotoInput {
  caption?: string;
  bytes?: Buffer;
}

type UserLike = User | { readonly user: User };

const COMMAND = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/;

// A tiny valid JPEG header is enough for bots that only pass the bytes along.
const DEFAULT_PHOTO = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
const DEFAULT_STICKER = Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8 ", "latin1");

function commandEntities(text: string): { entities?: MessageEntity[] } {
  const match = COMMAND.exec(text);
  return match ? { entities: [{ type: "bot_command", offset: 0, length: match[0].length }] } : {};
}

/** A chat participant that sends messages and presses buttons, each queueing a realistic update. */
export class ChatActor extends SimulatedChat {
  constructor(
    core: EmulatorCore,
    state: ChatState,
    readonly user: User,
  ) {
    super(core, state);
  }

  sendText(text: string): Message {
    if (text.trim() === "") throw new Error("sendText(): Telegram clients cannot send an empty message");
    return this.#post({ text, ...commandEntities(text) });
  }

  /** Same as sendText; a missing leading "/" is added. */
  sendCommand(command: string): Message {
    return this.sendText(command.startsWith("/") ? command : `/${command}`);
  }

  sendSticker(emoji = "👍"): Message {
    const file = this.core.files.add("stickers", DEFAULT_STICKER);
    return this.#post({
      sticker: {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji,
        file_size: file.bytes.length,
      },
    });
  }

  sendPhoto(input: PhotoInput = {}): Message {
    const file = this.core.files.add("photos", input.bytes ?? DEFAULT_PHOTO, { mimeType: "image/jpeg" });
    return this.#post({ photo: photoSizes(file), ...(input.caption ? { caption: input.caption } : {}) });
  }

  sendDocument(input: DocumentInput): Message {
    const bytes = typeof input.bytes === "string" ? Buffer.from(input.bytes) : Buffer.from(input.bytes);
    const mimeType = input.mimeType ?? "application/octet-stream";
    const file = this.core.files.add("documents", bytes, { fileName: input.fileName, mimeType });
    return this.#post({
      document: {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_name: input.fileName,
        mime_type: mimeType,
        file_size: bytes.length,
      },
      ...(input.caption ? { caption: input.caption } : {}),
    });
  }

  forwardText(text: string, original: UserLike): Message {
    const sender = "user" in original ? original.user : original;
    return this.#post({
      text,
      forward_origin: { type: "user", sender_user: sender, date: this.core.unixTime() - 60 },
    });
  }

  /** Edits this participant's newest text message, producing an edited_message update. */
  editLastText(newText: string): Message {
    const stored = this.state.lastTextOf(this.user.id);
    if (!stored) {
      throw new Error(`editLastText(): ${this.user.first_name} has sent no text in chat ${this.chatId}`);
    }
    const { entities: _old, ...rest } = stored.message;
    const edited = {
      ...rest,
      text: newText,
      ...commandEntities(newText),
      edit_date: this.core.unixTime(),
    } as Message;
    stored.message = edited;
    stored.edits += 1;
    this.core.queue(this.chatId, { edited_message: edited as never });
    return edited;
  }

  /**
   * Presses the inline button labelled `label` on the newest bot message that has one.
   * Strings match exactly (trimmed) first, then as the only button containing the text.
   */
  pressButton(label: string | RegExp, options: { messageId?: number } = {}): CallbackQuery {
    const candidates = [...newestWithKeyboard(this.state.botMessages(), options.messageId)];
    const found = findButton(candidates, label);
    if (!found) {
      const visible = candidates
        .slice(0, 5)
        .map((stored) => `  #${stored.message.message_id}: ${JSON.stringify(labelsOf(stored))}`)
        .join("\n");
      throw new Error(
        `pressButton(${String(label)}): no matching button in chat ${this.chatId}${
          options.messageId === undefined ? "" : ` on message #${options.messageId}`
        }. Visible inline buttons (newest first):\n${visible || "  (none)"}`,
      );
    }
    if (found.data === undefined) {
      throw new Error(`pressButton(${String(label)}): button "${found.text}" has no callback_data`);
    }
    return this.pressCallbackData(found.data, found.messageId);
  }

  /** Sends raw callback data as if pressed on `messageId`; works for stale or deleted messages too. */
  pressCallbackData(data: string, messageId: number): CallbackQuery {
    this.#ensureUnblocked();
    const stored = this.state.message(messageId);
    const message: Message | InaccessibleMessage =
      stored && !stored.deleted ? stored.message : { message_id: messageId, chat: this.state.chat, date: 0 };
    const id = this.core.nextCallbackQueryId();
    this.core.callbackQueries.set(id, { chatId: this.chatId, data });
    const query: CallbackQuery = {
      id,
      from: this.user,
      message,
      chat_instance: this.state.chatInstance,
      data,
    };
    this.core.queue(this.chatId, { callback_query: query });
    return query;
  }

  #post(content: Partial<Message>): Message {
    this.#ensureUnblocked();
    const message = {
      message_id: this.state.nextMessageId(),
      from: this.user,
      chat: this.state.chat,
      date: this.core.unixTime(),
      ...content,
    } as Message;
    this.state.add({ message, fromBot: false, edits: 0, deleted: false });
    this.core.queue(this.chatId, { message: message as never });
    return message;
  }

  // A user who blocked the bot must restart it before writing, which Telegram reports to the bot.
  #ensureUnblocked(): void {
    if (this.state.blocked) this.core.setBlocked(this.state, this.user, false);
  }
}

interface FoundButton {
  messageId: number;
  text: string;
  data: string | undefined;
}

function* newestWithKeyboard(messages: readonly StoredMessage[], messageId: number | undefined) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const stored = messages[i] as StoredMessage;
    if (stored.deleted || !stored.message.reply_markup) continue;
    if (messageId === undefined || stored.message.message_id === messageId) yield stored;
  }
}

function labelsOf(stored: StoredMessage): string[][] {
  return (stored.message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((button) => button.text));
}

function buttonsOf(stored: StoredMessage): FoundButton[] {
  return (stored.message.reply_markup?.inline_keyboard ?? []).flat().map((button) => ({
    messageId: stored.message.message_id,
    text: button.text,
    data: "callback_data" in button ? button.callback_data : undefined,
  }));
}

function findButton(candidates: StoredMessage[], label: string | RegExp): FoundButton | undefined {
  if (typeof label === "string") {
    const wanted = label.trim();
    for (const stored of candidates) {
      const exact = buttonsOf(stored).find((button) => button.text.trim() === wanted);
      if (exact) return exact;
    }
  }
  const matches = (text: string) => {
    if (typeof label === "string") return text.includes(label.trim());
    label.lastIndex = 0;
    return label.test(text);
  };
  for (const stored of candidates) {
    const hits = buttonsOf(stored).filter((button) => matches(button.text));
    if (hits.length > 1) {
      throw new Error(
        `pressButton(${String(label)}): ambiguous on message #${stored.message.message_id}: ${hits
          .map((hit) => JSON.stringify(hit.text))
          .join(", ")}`,
      );
    }
    if (hits[0]) return hits[0];
  }
  return undefined;
}
