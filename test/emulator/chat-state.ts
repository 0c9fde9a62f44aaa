import type { Chat, Message } from "grammy/types";

export interface StoredDocument {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  caption: string | undefined;
}

export interface StoredMessage {
  /** The current Telegram object, updated in place by edits. */
  message: Message;
  fromBot: boolean;
  html?: string;
  edits: number;
  deleted: boolean;
  photo?: Buffer;
  document?: StoredDocument;
}

export interface CallbackAnswer {
  query_id: string;
  data: string | undefined;
  text: string | undefined;
  show_alert: boolean;
  url?: string;
}

/** Everything known about one chat: its messages (ids shared by both sides) and UI state. */
export class ChatState {
  blocked = false;
  /** Labels of the reply keyboard the bot currently shows, if any. */
  replyKeyboard: string[][] | undefined;
  readonly callbackAnswers: CallbackAnswer[] = [];
  readonly chatInstance: string;
  #lastMessageId = 0;
  #messages = new Map<number, StoredMessage>();
  #botMessages: StoredMessage[] = [];
  #lastTextBy = new Map<number, StoredMessage>();

  constructor(readonly chat: Chat) {
    this.chatInstance = String(BigInt(chat.id) * 7919n + 4_000_000_000_000_000_000n);
  }

  get id(): number {
    return this.chat.id;
  }

  nextMessageId(): number {
    this.#lastMessageId += 1;
    return this.#lastMessageId;
  }

  add(stored: StoredMessage): void {
    this.#messages.set(stored.message.message_id, stored);
    if (stored.fromBot) this.#botMessages.push(stored);
    else if (stored.message.text !== undefined && stored.message.from) {
      this.#lastTextBy.set(stored.message.from.id, stored);
    }
  }

  /** Includes deleted messages; callers decide how to treat them. */
  message(messageId: number): StoredMessage | undefined {
    return this.#messages.get(messageId);
  }

  botMessages(): readonly StoredMessage[] {
    return this.#botMessages;
  }

  lastTextOf(userId: number): StoredMessage | undefined {
    return this.#lastTextBy.get(userId);
  }
}
