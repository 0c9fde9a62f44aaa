import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { BotCommand, UserFromGetMe } from "grammy/types";
import { ActivityHub } from "./activity-hub.ts";
import { ApiError } from "./api-error.ts";
import { botUser } from "./bot-user.ts";
import { CallLog, type CallRecord } from "./call-log.ts";
import { type CommandScope, CommandsStore } from "./commands-store.ts";
import { EmulatorCore } from "./emulator-core.ts";
import { FaultInjector, type FaultSpec } from "./faults.ts";
import { FloodControl, type FloodLimits } from "./flood-control.ts";
import { parseParams, readBody, sendError, sendJson } from "./http-io.ts";
import { mediaMethods } from "./media-methods.ts";
import { messageMethods } from "./message-methods.ts";
import type { MethodHandler } from "./method-table.ts";
import { Params } from "./params.ts";
import { setupMethods } from "./setup-methods.ts";
import { type GroupInit, SimulatedGroup } from "./simulated-group.ts";
import { SimulatedUser, type UserInit } from "./simulated-user.ts";
import { UpdateDelivery } from "./update-delivery.ts";

export interface BotApiEmulatorOptions {
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  /** Keep only the newest N calls in `calls` (default: all). */
  maxCallLog?: number;
  /** Clock in ms, for message dates and call timestamps (default Date.now). */
  now?: () => number;
  /** First webhook retry delay after a failed delivery (default 50 ms, doubling up to 2 s). */
  webhookRetryDelayMs?: number;
  /** Emulate Telegram's flood limits on send* methods (off by default). */
  floodLimits?: FloodLimits;
}

interface MethodEntry {
  name: string;
  handler: MethodHandler;
}

type Outcome = { status: number; payload: unknown } | "drop";

const DEFAULT_TOKEN = "123456789:AAEmulatedBotApiTokenForTestsOnly0000";
// Longer than any client's idle time, so the server never closes a socket the client is about to reuse.
const KEEP_ALIVE_TIMEOUT_MS = 120_000;
const NEVER = new AbortController().signal;

/** An in-process Telegram Bot API server on 127.0.0.1 for end-to-end, fault-injection and load tests. */
export class BotApiEmulator {
  readonly token: string;
  readonly faults = new FaultInjector();
  /** Unexpected exceptions inside the emulator (answered as 500); should stay empty. */
  readonly internalErrors: Error[] = [];
  readonly botInfo: UserFromGetMe;
  readonly #hub = new ActivityHub();
  readonly #now: () => number;
  readonly #delivery: UpdateDelivery;
  readonly #core: EmulatorCore;
  readonly #commands = new CommandsStore();
  readonly #methods = new Map<string, MethodEntry>();
  readonly #callLog: CallLog;
  readonly #flood: FloodControl | undefined;
  readonly #users = new Map<number, SimulatedUser>();
  readonly #groups = new Map<number, SimulatedGroup>();
  #server: Server | undefined;
  #port = 0;

  constructor(options: BotApiEmulatorOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.#now = options.now ?? Date.now;
    this.#callLog = new CallLog(options.maxCallLog);
    this.#flood = options.floodLimits ? new FloodControl(options.floodLimits, this.#now) : undefined;
    const botId = Number.parseInt(this.token.split(":")[0] ?? "", 10);
    this.botInfo = botUser(
      Number.isSafeInteger(botId) ? botId : 123456789,
      options.botFirstName ?? "Emulated Bot",
      options.botUsername ?? "emulated_test_bot",
    );
    this.#delivery = new UpdateDelivery(this.#hub, {
      webhookRetryDelayMs: options.webhookRetryDelayMs ?? 50,
      unixTime: () => Math.floor(this.#now() / 1000),
      executeReply: (body) => this.#executeWebhookReply(body),
    });
    this.#core = new EmulatorCore(this.botInfo, this.#hub, this.#delivery, this.#now);
    const tables = [
      setupMethods(this.#core, this.#delivery, this.#commands, this.botInfo),
      messageMethods(this.#core),
      mediaMethods(this.#core),
    ];
    for (const table of tables) {
      for (const [name, handler] of Object.entries(table))
        this.#methods.set(name.toLowerCase(), { name, handler });
    }
  }

  async start(): Promise<void> {
    if (this.#server) throw new Error("BotApiEmulator already started");
    const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (req, res) =>
      this.#onRequest(req, res),
    );
    server.on("clientError", (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
  }

  get apiRoot(): string {
    if (!this.#server) throw new Error("BotApiEmulator not started; await emulator.start() first");
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Stops the server, answering pending long polls with [] at once and stopping webhook delivery. */
  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    this.#delivery.close();
    // Let the released long polls write their answers before connections are torn down.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), 100);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  /** The private chat with this user; the same object for the same id. */
  user(init: UserInit): SimulatedUser {
    let user = this.#users.get(init.id);
    if (!user) {
      user = new SimulatedUser(this.#core, init);
      this.#users.set(init.id, user);
    }
    return user;
  }

  group(init: GroupInit): SimulatedGroup {
    let group = this.#groups.get(init.id);
    if (!group) {
      group = new SimulatedGroup(this.#core, init);
      this.#groups.set(init.id, group);
    }
    return group;
  }

  /** From now on sends to this user fail with 403; queues the my_chat_member update Telegram sends. */
  blockUser(id: number): void {
    this.#setBlocked(id, true);
  }

  unblockUser(id: number): void {
    this.#setBlocked(id, false);
  }

  /** Every method call, oldest first (bounded by maxCallLog). */
  get calls(): CallRecord[] {
    return this.#callLog.toArray();
  }

  /** Updates queued but not yet confirmed by the bot (getUpdates offset, or a 2xx webhook answer). */
  pendingUpdates(): number {
    return this.#delivery.pendingCount;
  }

  commands(scope?: CommandScope, languageCode?: string): BotCommand[] {
    return this.#commands.get(scope, languageCode);
  }

  /**
   * Resolves when no update is pending and the bot has made no API call (other than
   * getUpdates) for `quietMs`.
   */
  waitForIdle(quietMs = 40, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      let quiet: NodeJS.Timeout | undefined;
      const finish = (error?: Error) => {
        clearTimeout(quiet);
        clearTimeout(deadline);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      };
      const restart = () => {
        clearTimeout(quiet);
        quiet = setTimeout(() => {
          if (this.pendingUpdates() === 0) finish();
        }, quietMs);
      };
      const unsubscribe = this.#hub.subscribe(undefined, (activity) => {
        if (activity.type !== "call" || activity.method !== "getUpdates") restart();
      });
      const deadline = setTimeout(
        () =>
          finish(
            new Error(
              `waitForIdle() timed out after ${timeoutMs} ms; ${this.pendingUpdates()} update(s) pending`,
            ),
          ),
        timeoutMs,
      );
      restart();
    });
  }

  #setBlocked(id: number, blocked: boolean): void {
    const user = this.#users.get(id);
    const state = this.#core.chats.get(id);
    if (!user || !state) throw new Error(`unknown user ${id}; create it with emulator.user() first`);
    this.#core.setBlocked(state, user.user, blocked);
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.#route(req, res).catch((error: unknown) => {
      sendError(res, this.#internal(error));
    });
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (file) {
      this.#serveFile(res, decodeURIComponent(file[1] ?? ""), decodeURIComponent(file[2] ?? ""));
      return;
    }
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    if (!match) return sendError(res, new ApiError(404, "Not Found"));
    if (decodeURIComponent(match[1] ?? "") !== this.token) {
      return sendError(res, new ApiError(401, "Unauthorized"));
    }
    const entry = this.#methods.get((match[2] ?? "").toLowerCase());
    if (!entry) return sendError(res, new ApiError(404, "Not Found: method not found"));

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof ApiError) sendError(res, error);
      else req.socket.destroy();
      return;
    }
    let params: Params;
    try {
      params = parseParams(req.headers["content-type"], body, url.searchParams);
    } catch (error) {
      return sendError(res, error instanceof ApiError ? error : this.#internal(error));
    }
    const controller = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const outcome = await this.#execute(entry, params, controller.signal, "request");
    if (outcome === "drop") req.socket.destroy();
    else sendJson(res, outcome.status, outcome.payload);
  }

  async #execute(
    entry: MethodEntry,
    params: Params,
    signal: AbortSignal,
    via: CallRecord["via"],
  ): Promise<Outcome> {
    const record: CallRecord = {
      method: entry.name,
      params: params.forLog(),
      at: this.#now(),
      status: undefined,
      via,
    };
    this.#callLog.add(record);
    const chatId = this.#core.chatIdOfCall(params);
    try {
      // Faults stand for a failing network between the bot and the API; a webhook reply does not cross it.
      const fault = via === "request" ? this.faults.take(entry.name) : undefined;
      if (fault && "drop" in fault) {
        record.status = 0;
        return "drop";
      }
      if (fault && "delayMs" in fault) await sleep(fault.delayMs);
      else if (fault) throw faultError(fault);
      const retryAfter =
        this.#flood && FloodControl.counts(entry.name) ? this.#flood.check(chatId) : undefined;
      if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
      const result = await entry.handler(params, { signal });
      record.status = 200;
      return { status: 200, payload: { ok: true, result } };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : this.#internal(error);
      record.status = apiError.errorCode;
      return { status: apiError.errorCode, payload: apiError.toJSON() };
    } finally {
      this.#hub.emit(chatId, { type: "call", method: entry.name, chatId });
    }
  }

  #executeWebhookReply(body: Record<string, unknown>): void {
    const { method, ...values } = body;
    const entry = this.#methods.get(String(method).toLowerCase());
    if (entry) void this.#execute(entry, new Params(values), NEVER, "webhook reply");
  }

  #serveFile(res: ServerResponse, token: string, filePath: string): void {
    const file = token === this.token ? this.#core.files.byPath(filePath) : undefined;
    if (!file) {
      sendError(
        res,
        token === this.token ? new ApiError(404, "Not Found") : new ApiError(401, "Unauthorized"),
      );
      return;
    }
    res.writeHead(200, {
      "content-type": file.mimeType ?? "application/octet-stream",
      "content-length": file.bytes.length,
    });
    res.end(file.bytes);
  }

  #internal(error: unknown): ApiError {
    const wrapped = error instanceof Error ? error : new Error(String(error));
    this.internalErrors.push(wrapped);
    return new ApiError(500, `Internal Server Error: ${wrapped.message}`);
  }
}

function faultError(fault: Extract<FaultSpec, { status: number }>): ApiError {
  return fault.status === 429
    ? tooManyRequests(fault.retryAfter)
    : new ApiError(500, "Internal Server Error");
}

function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}
