import { badRequest } from "./api-error.ts";
import { htmlToText } from "./html-text.ts";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export interface RenderedText {
  text: string;
  /** The raw HTML as sent, when parse_mode was HTML. */
  html?: string;
}

/**
 * Applies parse_mode and Telegram's length rules. Lengths count UTF-16 code units after
 * entity parsing, and leading/trailing whitespace is trimmed, as Telegram does.
 * Markdown modes are passed through unparsed (not emulated).
 */
export function renderText(raw: string, parseMode: string | undefined): RenderedText {
  const mode = parseMode?.toLowerCase() ?? "";
  if (mode !== "" && mode !== "html" && mode !== "markdown" && mode !== "markdownv2") {
    throw badRequest("unsupported parse_mode");
  }
  const text = (mode === "html" ? htmlToText(raw) : raw).trim();
  return mode === "html" ? { text, html: raw } : { text };
}

export function renderMessageText(raw: string | undefined, parseMode: string | undefined): RenderedText {
  const rendered = renderText(raw ?? "", parseMode);
  if (rendered.text.length === 0) throw badRequest("message text is empty");
  if (rendered.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return rendered;
}

export function renderCaption(
  raw: string | undefined,
  parseMode: string | undefined,
): RenderedText | undefined {
  if (raw === undefined || raw === "") return undefined;
  const rendered = renderText(raw, parseMode);
  if (rendered.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return rendered.text.length === 0 ? undefined : rendered;
}
