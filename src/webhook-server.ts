import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./bot/context.ts";

/** Telegram's updates are a few kilobytes; a larger body is not one of them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request the webhook refuses, with the HTTP status that says why. */
class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The webhook's HTTP server: only POSTs to the webhook's path are taken, with Telegram's secret token (checked
 * by grammY before the body is read) and a body of at most `maxBodyBytes`. Everything else gets its status
 * and reaches no handler: 404 another path, 405 another method, 401 no or a wrong secret, 413 a larger body,
 * 400 a body that is not JSON.
 *
 * @example
 * const server = createWebhookServer(bot, { path: "/telegram", secret });
 * server.listen(8080, "127.0.0.1");
 */
export function createWebhookServer(
  bot: Bot<BotContext>,
  { path, secret, maxBodyBytes = MAX_BODY_BYTES }: { path: string; secret: string; maxBodyBytes?: number },
): Server {
  const handle = webhookCallback(bot, limitedJsonAdapter(maxBodyBytes), { secretToken: secret });
  return createServer((request, response) => {
    const refusal = refusalOf(request, path, maxBodyBytes);
    if (refusal) return refuse(response, refusal);
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof RefusedRequest) refuse(response, error);
      else response.writeHead(500).end();
    });
  });
}

function refusalOf(request: IncomingMessage, path: string, maxBodyBytes: number): RefusedRequest | undefined {
  if (new URL(request.url ?? "/", "http://webhook").pathname !== path)
    return new RefusedRequest(404, "Not Found");
  if (request.method !== "POST") return new RefusedRequest(405, "Method Not Allowed");
  if (Number(request.headers["content-length"]) > maxBodyBytes) return tooLarge();
  return undefined;
}

function tooLarge(): RefusedRequest {
  return new RefusedRequest(413, "Payload Too Large");
}

function refuse(response: ServerResponse, { status, message }: RefusedRequest): void {
  // The body of a refused request is not read: the connection closes instead of waiting for it.
  const headers = { connection: "close", ...(status === 405 ? { allow: "POST" } : {}) };
  response.writeHead(status, headers).end(message);
}

/** grammY's adapter for node:http, reading at most `maxBodyBytes` of the body. */
function limitedJsonAdapter(maxBodyBytes: number) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const header = request.headers["x-telegram-bot-api-secret-token"];
    return {
      get update() {
        return readJson(request, maxBodyBytes);
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => response.end(),
      respond: (json: string) => response.writeHead(200, { "content-type": "application/json" }).end(json),
      unauthorized: () => refuse(response, new RefusedRequest(401, "Unauthorized")),
      handlerReturn: undefined,
    };
  };
}

function readJson(request: IncomingMessage, maxBodyBytes: number): Promise<Update> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      request.off("data", onData);
      reject(tooLarge());
    };
    request.on("data", onData);
    request.once("error", reject);
    request.once("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update);
      } catch {
        reject(new RefusedRequest(400, "Bad Request: the body is not JSON"));
      }
    });
  });
}
