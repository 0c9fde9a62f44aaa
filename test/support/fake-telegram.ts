import type { Update } from "grammy/types";
import { botUser } from "../emulator/bot-user.ts";
import { parseMultipart } from "../emulator/multipart.ts";

export interface SentMessage {
  chatId: number;
  messageId: number;
  text: string;
  buttons: { text: string; data: string }[][];
  /** The uploaded picture or document. */
  file?: Buffer;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export const botInfo = botUser(1000, "Survey", "survey_test_bot");

type Keyboard = { inline_keyboard?: { text: string; callback_data?: string }[][] };

/**
 * A capturing stand-in for Telegram's HTTP API, passed as grammY's `client.fetch`: it records every call,
 * keeps each chat's messages (with edits) and answers like Telegram does for the methods the bot uses.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly messages = new Map<number, SentMessage[]>();
  private nextMessageId: number;
  private nextUpdateId: number;
  /** Files users sent, by file_id, served at /file/bot<token>/<file_path> as Telegram does. */
  private readonly files = new Map<string, Buffer>();

  /** `firstId`: where update and message ids start, e.g. past those a bot before a restart has seen. */
  constructor(firstId = 1) {
    this.nextMessageId = firstId;
    this.nextUpdateId = firstId;
  }

  readonly fetch = async (url: unknown, init?: { body?: unknown }): Promise<Response> => {
    const download = /\/file\/bot[^/]+\/documents\/(.+)$/.exec(String(url));
    if (download) {
      const bytes = this.files.get(download[1]!);
      return bytes ? new Response(new Uint8Array(bytes)) : new Response("Not Found", { status: 404 });
    }
    const method = String(url).split("/").at(-1)!;
    const payload =
      typeof init?.body === "string"
        ? (JSON.parse(init.body) as Record<string, unknown>)
        : await readMultipart(init);
    this.calls.push({ method, payload });
    return Response.json({ ok: true, result: this.answer(method, payload) });
  };

  private answer(method: string, payload: Record<string, unknown>): unknown {
    const chatId = Number(payload.chat_id);
    const buttonsOf = (markup: unknown) =>
      ((markup as Keyboard | undefined)?.inline_keyboard ?? []).map((row) =>
        row.map((button) => ({ text: button.text, data: button.callback_data ?? "" })),
      );
    if (method === "sendMessage" || method === "sendPhoto" || method === "sendDocument") {
      const message: SentMessage = {
        chatId,
        messageId: this.nextMessageId++,
        text: String(payload.text ?? payload.caption ?? ""),
        buttons: buttonsOf(
          typeof payload.reply_markup === "string" ? JSON.parse(payload.reply_markup) : payload.reply_markup,
        ),
        ...(method === "sendMessage" ? {} : { file: payload.file as Buffer }),
      };
      this.chat(chatId).push(message);
      return {
        message_id: message.messageId,
        date: 0,
        chat: { id: chatId, type: "private" },
        text: message.text,
      };
    }
    if (method === "getFile") {
      const fileId = String(payload.file_id);
      const bytes = this.files.get(fileId);
      return {
        file_id: fileId,
        file_unique_id: fileId,
        file_size: bytes?.length,
        file_path: `documents/${fileId}`,
      };
    }
    if (method === "editMessageText") {
      const message = this.chat(chatId).find((m) => m.messageId === Number(payload.message_id));
      if (message)
        Object.assign(message, { text: String(payload.text), buttons: buttonsOf(payload.reply_markup) });
      return { message_id: Number(payload.message_id), date: 0, chat: { id: chatId, type: "private" } };
    }
    return true;
  }

  chat(chatId: number): SentMessage[] {
    if (!this.messages.has(chatId)) this.messages.set(chatId, []);
    return this.messages.get(chatId)!;
  }

  lastMessage(chatId: number): SentMessage {
    const message = this.chat(chatId).at(-1);
    if (!message) throw new Error(`no message in chat ${chatId}`);
    return message;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** A private text message from a user (commands get their entity, as Telegram sends them). */
  textUpdate(
    from: { id: number; language_code?: string; first_name?: string; username?: string },
    text: string,
  ): Update {
    const command = /^\/\w+/.exec(text)?.[0];
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name ?? "Expert" },
      from: { is_bot: false, first_name: "Expert", ...from },
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
    };
    return { update_id: this.nextUpdateId++, message } as Update;
  }

  /** A private message with a document, whose bytes the bot can then download via getFile. */
  documentUpdate(
    from: { id: number; language_code?: string },
    document: { fileName: string; bytes: Buffer | string; mimeType?: string },
  ): Update {
    const bytes = Buffer.from(document.bytes);
    const fileId = `file-${this.files.size + 1}`;
    this.files.set(fileId, bytes);
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: "Expert" },
      from: { is_bot: false, first_name: "Expert", ...from },
      document: {
        file_id: fileId,
        file_unique_id: fileId,
        file_name: document.fileName,
        file_size: bytes.length,
        ...(document.mimeType ? { mime_type: document.mimeType } : {}),
      },
    };
    return { update_id: this.nextUpdateId++, message } as Update;
  }

  /** A press on the button labelled `label` of the newest message in the user's chat that has it. */
  pressUpdate(from: { id: number; language_code?: string }, label: string | RegExp): Update {
    const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));
    const message = this.chat(from.id).findLast((m) => m.buttons.flat().some((b) => matches(b.text)));
    const button = message?.buttons.flat().find((b) => matches(b.text));
    if (!message || !button) {
      const visible =
        this.chat(from.id)
          .at(-1)
          ?.buttons.flat()
          .map((b) => b.text) ?? [];
      throw new Error(`no button ${String(label)}; the last message has ${JSON.stringify(visible)}`);
    }
    return this.callbackUpdate(from, button.data, message.messageId);
  }

  callbackUpdate(from: { id: number; language_code?: string }, data: string, messageId: number): Update {
    return {
      update_id: this.nextUpdateId++,
      callback_query: {
        id: String(this.nextUpdateId),
        chat_instance: "1",
        from: { is_bot: false, first_name: "Expert", ...from },
        message: {
          message_id: messageId,
          date: 0,
          chat: { id: from.id, type: "private", first_name: "Expert" },
        },
        data,
      },
    } as Update;
  }

  /** Toasts shown for callback queries, newest last. */
  toasts(): string[] {
    return this.callsOf("answerCallbackQuery")
      .map((call) => call.payload.text)
      .filter((text): text is string => typeof text === "string");
  }
}

/** Uploads reach `fetch` as multipart streams: read the fields and the one file the way Telegram would. */
async function readMultipart(init?: { body?: unknown; headers?: unknown }): Promise<Record<string, unknown>> {
  if (!init?.body) return {};
  const chunks: Buffer[] = [];
  for await (const chunk of init.body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  const contentType = (init.headers as Record<string, string>)["content-type"] ?? "";
  const { fields, files } = parseMultipart(Buffer.concat(chunks), contentType);
  const file = [...files.values()][0];
  return { ...fields, ...(file ? { file: file.bytes, fileName: file.filename } : {}) };
}
