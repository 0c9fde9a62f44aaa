import type { Chat, Message, User, UserFromGetMe } from "grammy/types";
import type { ActivityHub, UpdateRecord } from "./activity-hub.ts";
import { badRequest, forbidden } from "./api-error.ts";
import { ChatState, type StoredMessage } from "./chat-state.ts";
import { FileStore } from "./file-store.ts";
import type { Params } from "./params.ts";
import type { UpdateBody, UpdateDelivery } from "./update-delivery.ts";

export interface PendingQuery {
  chatId: number;
  data: string | undefined;
}

/** State shared by the HTTP method handlers and the test-side chat objects. */
export class EmulatorCore {
  readonly files = new FileStore();
  readonly chats = new Map<number, ChatState>();
  /** Unanswered callback queries; answering removes them, which bounds memory. */
  readonly callbackQueries = new Map<string, PendingQuery>();
  #queryCounter = 0;

  constructor(
    readonly botUser: UserFromGetMe,
    readonly hub: ActivityHub,
    readonly delivery: UpdateDelivery,
    readonly now: () => number,
  ) {}

  unixTime(): number {
    return Math.floor(this.now() / 1000);
  }

  queue(chatId: number, body: UpdateBody): UpdateRecord | undefined {
    return this.delivery.queue(chatId, body);
  }

  chatState(chat: Chat): ChatState {
    let state = this.chats.get(chat.id);
    if (!state) {
      state = new ChatState(chat);
      this.chats.set(chat.id, state);
    }
    return state;
  }

  nextCallbackQueryId(): string {
    this.#queryCounter += 1;
    return `${4_000_000_000_000 + this.#queryCounter}`;
  }

  /** Blocking (or restarting) the bot produces a my_chat_member update, as in Telegram. */
  setBlocked(chat: ChatState, user: User, blocked: boolean): void {
    if (chat.blocked === blocked) return;
    chat.blocked = blocked;
    const kicked = { status: "kicked" as const, user: this.botUser, until_date: 0 };
    const member = { status: "member" as const, user: this.botUser };
    this.queue(chat.id, {
      my_chat_member: {
        chat: chat.chat,
        from: user,
        date: this.unixTime(),
        old_chat_member: blocked ? member : kicked,
        new_chat_member: blocked ? kicked : member,
      },
    });
  }

  /** The chat named by `chat_id`, for methods that only touch existing messages. */
  chatOf(params: Params): ChatState {
    const raw = params.values.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const id = typeof raw === "number" ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : undefined;
    const chat = id === undefined ? undefined : this.chats.get(id);
    if (!chat) throw badRequest("chat not found");
    return chat;
  }

  /** The chat named by `chat_id`, for methods that post into it. */
  writableChatOf(params: Params): ChatState {
    const chat = this.chatOf(params);
    if (chat.blocked) throw forbidden("bot was blocked by the user");
    return chat;
  }

  chatIdOfCall(params: Params): number | undefined {
    const queryId = params.values.callback_query_id;
    if (typeof queryId === "string") return this.callbackQueries.get(queryId)?.chatId;
    const raw = params.values.chat_id;
    const id = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number.NaN;
    return Number.isInteger(id) ? id : undefined;
  }

  postBotMessage(
    chat: ChatState,
    params: Params,
    content: Omit<Message, "message_id" | "date" | "chat" | "from">,
    extras: Pick<StoredMessage, "html" | "photo" | "document"> = {},
  ): StoredMessage {
    const replyTo = this.#replyTarget(chat, params);
    const message = {
      message_id: chat.nextMessageId(),
      from: this.botUser,
      chat: chat.chat,
      date: this.unixTime(),
      ...(replyTo ? { reply_to_message: { ...replyTo, reply_to_message: undefined } } : {}),
      ...content,
    } as Message;
    const stored: StoredMessage = {
      message,
      fromBot: true,
      edits: 0,
      deleted: false,
      ...definedOnly(extras),
    };
    chat.add(stored);
    return stored;
  }

  #replyTarget(chat: ChatState, params: Params): Message | undefined {
    const reply = params.json("reply_parameters") as {
      message_id?: unknown;
      allow_sending_without_reply?: unknown;
    };
    const legacyId = params.integer("reply_to_message_id");
    const id = typeof reply?.message_id === "number" ? reply.message_id : legacyId;
    if (id === undefined) return undefined;
    const target = chat.message(id);
    if (target && !target.deleted) return target.message;
    if (reply?.allow_sending_without_reply === true || params.boolean("allow_sending_without_reply")) {
      return undefined;
    }
    throw badRequest("message to be replied not found");
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
