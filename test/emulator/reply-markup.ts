import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./api-error.ts";

export const MAX_CALLBACK_DATA_BYTES = 64;

export type ParsedMarkup =
  | { kind: "inline"; markup: InlineKeyboardMarkup }
  | { kind: "keyboard"; labels: string[][]; oneTime: boolean }
  | { kind: "remove" }
  | { kind: "force_reply" };

const INLINE_ACTIONS = [
  "callback_data",
  "url",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isArrayOfArrays = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.every((row) => Array.isArray(row));

export function parseReplyMarkup(value: unknown): ParsedMarkup | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in value) {
    return { kind: "inline", markup: parseInlineKeyboard(value.inline_keyboard) };
  }
  if ("keyboard" in value) {
    if (!isArrayOfArrays(value.keyboard)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
    const labels = value.keyboard.map((row) => row.map(keyboardButtonText));
    return { kind: "keyboard", labels, oneTime: value.one_time_keyboard === true };
  }
  if (value.remove_keyboard === true) return { kind: "remove" };
  if (value.force_reply === true) return { kind: "force_reply" };
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function keyboardButtonText(button: unknown): string {
  const text = typeof button === "string" ? button : isObject(button) ? button.text : undefined;
  if (typeof text !== "string" || text === "") throw badRequest("can't parse keyboard button: Text is empty");
  return text;
}

function parseInlineKeyboard(rows: unknown): InlineKeyboardMarkup {
  if (!isArrayOfArrays(rows)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  // grammY's `new InlineKeyboard()` starts with an empty row; Telegram ignores empty rows.
  return { inline_keyboard: rows.filter((row) => row.length > 0).map((row) => row.map(parseInlineButton)) };
}

function parseInlineButton(button: unknown): InlineKeyboardButton {
  if (!isObject(button)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  }
  if (typeof button.text !== "string") {
    throw badRequest("can't parse inline keyboard button: Text is not specified");
  }
  if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  const actions = INLINE_ACTIONS.filter((key) => button[key] !== undefined);
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  if (button.callback_data !== undefined) {
    const data = button.callback_data;
    if (typeof data !== "string" || data === "" || Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  if (button.url !== undefined && !isValidButtonUrl(button.url)) {
    throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
  }
  return button as unknown as InlineKeyboardButton;
}

function isValidButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    return ["http:", "https:", "tg:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Key-order independent serialisation, for Telegram's "message is not modified" comparison. */
export function markupKey(markup: InlineKeyboardMarkup | undefined): string {
  if (!markup || markup.inline_keyboard.length === 0) return "";
  return stableStringify(markup.inline_keyboard);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined && value[key] !== null)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
