import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { badRequest } from "./api-error.ts";
import type { ChatState, StoredMessage } from "./chat-state.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import { renderCaption, renderMessageText } from "./message-text.ts";
import type { MethodTable } from "./method-table.ts";
import type { Params } from "./params.ts";
import { markupKey, type ParsedMarkup, parseReplyMarkup } from "./reply-markup.ts";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** Applies reply markup to a new message: inline keyboards attach to it, reply keyboards to the chat. */
export function applyMarkup(
  chat: ChatState,
  markup: ParsedMarkup | undefined,
): InlineKeyboardMarkup | undefined {
  if (markup?.kind === "keyboard") chat.replyKeyboard = markup.labels;
  if (markup?.kind === "remove") chat.replyKeyboard = undefined;
  return markup?.kind === "inline" && markup.markup.inline_keyboard.length > 0 ? markup.markup : undefined;
}

export function messageMethods(core: EmulatorCore): MethodTable {
  const editable = (params: Params): StoredMessage => {
    if (params.has("inline_message_id")) {
      throw badRequest("inline messages are not supported by the emulator");
    }
    const chat = core.chatOf(params);
    const id = params.integer("message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    const stored = chat.message(id);
    if (!stored || stored.deleted) throw badRequest("message to edit not found");
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return stored;
  };

  const inlineMarkupOf = (params: Params): InlineKeyboardMarkup | undefined => {
    const markup = parseReplyMarkup(params.json("reply_markup"));
    if (markup && markup.kind !== "inline") throw badRequest("inline keyboard expected");
    return markup && markup.markup.inline_keyboard.length > 0 ? markup.markup : undefined;
  };

  // Replaces rather than mutates the message so updates already queued keep their snapshot.
  const replace = (stored: StoredMessage, changes: Partial<Message>, html: string | undefined) => {
    const next = { ...stored.message, ...changes, edit_date: core.unixTime() } as Message;
    if (changes.reply_markup === undefined) delete next.reply_markup;
    stored.message = next;
    if (html === undefined) delete stored.html;
    else stored.html = html;
    stored.edits += 1;
    return next;
  };

  return {
    sendMessage(params) {
      const chat = core.writableChatOf(params);
      const { text, html } = renderMessageText(params.string("text"), params.string("parse_mode"));
      const replyMarkup = applyMarkup(chat, parseReplyMarkup(params.json("reply_markup")));
      const entities = params.json("entities");
      return core.postBotMessage(
        chat,
        params,
        {
          text,
          ...(Array.isArray(entities) ? { entities } : {}),
          ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
        },
        { html },
      ).message;
    },

    editMessageText(params) {
      const stored = editable(params);
      if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
      const { text, html } = renderMessageText(params.string("text"), params.string("parse_mode"));
      const replyMarkup = inlineMarkupOf(params);
      const sameText =
        text === stored.message.text && (html ?? text) === (stored.html ?? stored.message.text);
      if (sameText && markupKey(replyMarkup) === markupKey(stored.message.reply_markup)) {
        throw badRequest(NOT_MODIFIED);
      }
      return replace(stored, { text, reply_markup: replyMarkup }, html);
    },

    editMessageCaption(params) {
      const stored = editable(params);
      if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit");
      const caption = renderCaption(params.string("caption"), params.string("parse_mode"));
      const replyMarkup = inlineMarkupOf(params);
      const old = stored.message.caption;
      const sameCaption = caption?.text === old && (caption?.html ?? old) === (stored.html ?? old);
      if (sameCaption && markupKey(replyMarkup) === markupKey(stored.message.reply_markup)) {
        throw badRequest(NOT_MODIFIED);
      }
      const next = replace(stored, { caption: caption?.text, reply_markup: replyMarkup }, caption?.html);
      if (stored.document) stored.document.caption = caption?.text;
      if (caption === undefined) delete next.caption;
      return next;
    },

    editMessageReplyMarkup(params) {
      const stored = editable(params);
      const replyMarkup = inlineMarkupOf(params);
      if (markupKey(replyMarkup) === markupKey(stored.message.reply_markup)) throw badRequest(NOT_MODIFIED);
      return replace(stored, { reply_markup: replyMarkup }, stored.html);
    },

    deleteMessage(params) {
      const chat = core.chatOf(params);
      const stored = chat.message(params.integer("message_id") ?? 0);
      if (!stored || stored.deleted) throw badRequest("message to delete not found");
      stored.deleted = true;
      return true;
    },

    deleteMessages(params) {
      const chat = core.chatOf(params);
      const ids = params.json("message_ids");
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) {
        throw badRequest("message_ids must be 1-100 ids");
      }
      for (const id of ids) {
        const stored = typeof id === "number" ? chat.message(id) : undefined;
        if (stored) stored.deleted = true;
      }
      return true;
    },

    answerCallbackQuery(params) {
      const id = params.string("callback_query_id") ?? "";
      const query = core.callbackQueries.get(id);
      if (!query) throw badRequest("query is too old and response timeout expired or query ID is invalid");
      const text = params.string("text");
      if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
      core.callbackQueries.delete(id);
      const url = params.string("url");
      core.chats.get(query.chatId)?.callbackAnswers.push({
        query_id: id,
        data: query.data,
        text,
        show_alert: params.boolean("show_alert"),
        ...(url !== undefined ? { url } : {}),
      });
      return true;
    },

    sendChatAction(params) {
      core.writableChatOf(params);
      if (!CHAT_ACTIONS.has(params.string("action") ?? "")) {
        throw badRequest("wrong parameter action in request");
      }
      return true;
    },
  };
}
