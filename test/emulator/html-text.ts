import { badRequest } from "./api-error.ts";

const SUPPORTED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "tg-time",
  "code",
  "pre",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

const byteOffset = (html: string, index: number): number => Buffer.byteLength(html.slice(0, index));

const cantParse = (detail: string) => badRequest(`can't parse entities: ${detail}`);

/**
 * Strips Telegram's HTML subset to plain text, rejecting what Telegram rejects
 * (unsupported tags such as <br>, unbalanced tags, a bare "<"), so that bots
 * which forget to escape user input fail here as they would in production.
 */
export function htmlToText(html: string): string {
  const stack: string[] = [];
  let text = "";
  let index = 0;
  while (index < html.length) {
    const char = html[index] as string;
    if (char === "&") {
      const entity = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(index, index + 12));
      const decoded = entity ? decodeEntity(entity[1] as string) : undefined;
      if (entity && decoded !== undefined) {
        text += decoded;
        index += entity[0].length;
      } else {
        text += char;
        index += 1;
      }
      continue;
    }
    if (char !== "<") {
      text += char;
      index += 1;
      continue;
    }
    const close = tagEnd(html, index);
    if (close < 0) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(html, index)}`);
    const inner = html.slice(index + 1, close);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const expected = stack.pop();
      if (expected !== name) {
        throw cantParse(
          expected === undefined
            ? `Unexpected end tag at byte offset ${byteOffset(html, index)}`
            : `Unmatched end tag at byte offset ${byteOffset(html, index)}, expected "</${expected}>", found "</${name}>"`,
        );
      }
    } else {
      const name = (/^[^\s/>]*/.exec(inner)?.[0] ?? "").toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) {
        throw cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, index)}`);
      }
      stack.push(name);
    }
    index = close + 1;
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return text;
}

/** Index of the ">" closing the tag that starts at `start`, skipping quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < html.length; i++) {
    const char = html[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ">") {
      return i;
    }
  }
  return -1;
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith("#x") || body.startsWith("#X")) {
    return fromCodePoint(Number.parseInt(body.slice(2), 16));
  }
  if (body.startsWith("#")) return fromCodePoint(Number.parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body.toLowerCase()];
}

function fromCodePoint(code: number): string | undefined {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
