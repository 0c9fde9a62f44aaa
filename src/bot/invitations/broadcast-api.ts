import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, type ApiClientOptions } from "grammy";
import { tokenFreeErrors } from "../../token-redaction.ts";

/**
 * An Api for messages to many experts at once (invitations, reminders): queued to Telegram's limits (about
 * 30 messages a second overall, one a second per chat) and retried after a 429 with the wait Telegram gives.
 *
 * @example
 * const broadcastApi = createBroadcastApi(config.botToken, { apiRoot: config.apiRoot });
 */
export function createBroadcastApi(token: string, client?: ApiClientOptions): Api {
  const api = new Api(token, client);
  api.config.use(tokenFreeErrors(token));
  api.config.use(apiThrottler());
  // Installed last, so it wraps the throttler: a retried call queues again behind the limits.
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  return api;
}
