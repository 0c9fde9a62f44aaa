import type { Transformer } from "grammy";

const TOKEN_SHAPE = /bot\d+:[\w-]+/g;
/** A real token's secret part has 35 characters; a few letters set by mistake would blot out ordinary words. */
const MIN_SECRET_LENGTH = 8;

/**
 * The text without the bot token. The secret part after the colon is what gives the bot away, however the
 * colon is written (a URL may encode it); anything shaped like `bot<id>:<secret>` goes too, in case the token
 * is not known (the CLI) or the error names another one.
 *
 * @example
 * redactToken("request to https://api.telegram.org/bot123:ABC/getMe failed", "123:ABC");
 * // "request to https://api.telegram.org/bot<token>/getMe failed"
 */
export function redactToken(text: string, token?: string): string {
  const secret = token?.slice(token.indexOf(":") + 1) ?? "";
  const withoutSecret = secret.length >= MIN_SECRET_LENGTH ? text.replaceAll(secret, "<token>") : text;
  return withoutSecret.replace(TOKEN_SHAPE, "bot<token>");
}

/** An error as the log may hold it: its name and message, never the token. */
export function errorSummary(error: unknown, token?: string): { name: string; message: string } {
  return {
    name: error instanceof Error ? error.name : "unknown",
    message: redactToken(error instanceof Error ? error.message : String(error), token),
  };
}

/** An error as one line for an operator's terminal: name and message, no stack, never the token. */
export function errorLine(error: unknown, token?: string): string {
  const { name, message } = errorSummary(error, token);
  return `${name}: ${message}`.replace(/\s*\n\s*/g, " ");
}

/**
 * Removes the token, in place, from an error, its stack and the errors it wraps: grammY's HttpError keeps
 * the failed request's error, whose message holds the URL and so the token, in `error`. Whoever prints the
 * error later (Node, a library's console.error) then prints no token.
 */
export function redactErrorInPlace(error: unknown, token: string, seen = new Set<unknown>()): void {
  if (!(error instanceof Error) || seen.has(error)) return;
  seen.add(error);
  error.message = redactToken(error.message, token);
  if (error.stack) error.stack = redactToken(error.stack, token);
  const wrapped = error as Error & { error?: unknown };
  redactErrorInPlace(wrapped.error, token, seen);
  redactErrorInPlace(wrapped.cause, token, seen);
}

/**
 * An API transformer: every error a Bot API call throws, and every error description it returns, leaves it
 * without the token, so the token cannot reach a log or a terminal by way of an error, whoever handles it.
 *
 * @example
 * bot.api.config.use(tokenFreeErrors(token));
 */
export function tokenFreeErrors(token: string): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      return result.ok ? result : { ...result, description: redactToken(result.description, token) };
    } catch (error) {
      redactErrorInPlace(error, token);
      throw error;
    }
  };
}
