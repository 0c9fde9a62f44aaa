import { createHmac } from "node:crypto";
import { run } from "@grammyjs/runner";
import { type Bot, type Context, GrammyError } from "grammy";
import type { BotContext } from "./bot/context.ts";
import { ConfigError, type WebhookConfig } from "./config.ts";
import { createWebhookServer } from "./webhook-server.ts";

/** How updates reach the bot: long polling or a webhook. */
export interface UpdateDelivery {
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/**
 * What updates must wait for each other on (the runner's sequentialize): the chat, and the user, since an
 * expert's stored position is per user whichever chat the update comes from.
 */
export function sequentialKeys(ctx: Context): string[] {
  return [ctx.chatId, ctx.from?.id].flatMap((id) => (id === undefined ? [] : [String(id)]));
}

/**
 * Long polling through @grammyjs/runner: updates of different chats are handled concurrently. The runner
 * retries a failed getUpdates itself; it is silent, since it would print the raw error (a failed request's
 * URL holds the token): each failure goes to `onFetchError` instead.
 */
export function startPolling(bot: Bot<BotContext>, onFetchError: (error: unknown) => void): UpdateDelivery {
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const result = await prev(method, payload, signal).catch((error: unknown) => {
      if (!signal?.aborted) onFetchError(error);
      throw error;
    });
    if (!result.ok) onFetchError(new GrammyError(`Call to '${method}' failed!`, result, method, payload));
    return result;
  });
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

/**
 * A webhook on Node's own HTTP server, listening on `host` (loopback by default, behind a reverse proxy):
 * Telegram POSTs each update to `url`, which must lead to this port. Without a configured secret one is derived
 * from the token (Telegram sends it back with every update), so a request without it is always refused, and
 * every instance of the bot behind one URL sets and accepts the same one. A webhook Telegram does not accept stops the start with one line.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  webhook: WebhookConfig,
): Promise<UpdateDelivery & { port: number }> {
  const secret =
    webhook.secret ?? createHmac("sha256", bot.token).update("webhook secret").digest("base64url");
  const server = createWebhookServer(bot, { path: new URL(webhook.url).pathname, secret });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(webhook.port, webhook.host, resolve);
  });
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    await bot.api.setWebhook(webhook.url, { allowed_updates: [...ALLOWED_UPDATES], secret_token: secret });
  } catch (error) {
    await stop();
    throw new ConfigError(`cannot set the webhook ${webhook.url} (${(error as Error).message})`, {
      cause: error,
    });
  }
  const address = server.address();
  return { port: typeof address === "object" && address ? address.port : webhook.port, stop };
}
