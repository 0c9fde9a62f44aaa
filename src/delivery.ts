import { createServer } from "node:http";
import { run } from "@grammyjs/runner";
import { type Bot, type Context, webhookCallback } from "grammy";
import type { BotContext } from "./bot/context.ts";

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

/** Long polling through @grammyjs/runner: updates of different chats are handled concurrently. */
export function startPolling(bot: Bot<BotContext>): UpdateDelivery {
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

/**
 * A webhook on Node's own HTTP server: Telegram POSTs each update to `url`, which must lead to this port.
 * Requests without the secret token are refused, so nobody else can feed the bot updates.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  webhook: { url: string; secret?: string; port: number },
): Promise<UpdateDelivery & { port: number }> {
  const handle = webhookCallback(bot, "http", webhook.secret ? { secretToken: webhook.secret } : {});
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(webhook.port, resolve);
  });
  await bot.api.setWebhook(webhook.url, {
    allowed_updates: [...ALLOWED_UPDATES],
    ...(webhook.secret ? { secret_token: webhook.secret } : {}),
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : webhook.port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
