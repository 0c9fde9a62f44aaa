import { autoRetry } from "@grammyjs/auto-retry";
import type { Transformer } from "grammy";

/**
 * How failed Bot API calls are made again. A call made while handling an update waits out a 429, and is made
 * again after a 5xx or a lost connection, with growing pauses. Two calls are not retried here: getUpdates,
 * which the runner retries itself so that each failure is reported rather than absorbed, and setWebhook, made
 * once at start, where only a 429 waits and any other failure stops the start with one line.
 *
 * @example
 * bot.api.config.use(apiRetry());
 */
export function apiRetry(): Transformer {
  const handling = autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 });
  const startUp = autoRetry({
    maxRetryAttempts: 3,
    maxDelaySeconds: 60,
    rethrowHttpErrors: true,
    rethrowInternalServerErrors: true,
  });
  return (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    return (method === "setWebhook" ? startUp : handling)(prev, method, payload, signal);
  };
}
