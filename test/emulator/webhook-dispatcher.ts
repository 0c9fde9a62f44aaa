import { Agent, request } from "node:http";
import type { UpdateRecord } from "./activity-hub.ts";
import { Fifo } from "./fifo.ts";
import type { DeliveryHooks } from "./polling-queue.ts";

export interface WebhookConfig {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
  /** First retry delay after a failed delivery; doubles per attempt up to 2 s. */
  retryDelayMs: number;
}

export interface WebhookHooks extends DeliveryHooks {
  /** A JSON body with a `method` in the webhook's answer is executed like an API call. */
  reply(body: Record<string, unknown>): void;
  failed(message: string): void;
}

interface ChatLane {
  queue: Fifo<UpdateRecord>;
  busy: boolean;
}

const MAX_RETRY_DELAY_MS = 2000;
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * POSTs updates to the webhook with up to max_connections requests in flight but at most
 * one per chat, so each chat sees its updates in order (as Telegram does).
 */
export class WebhookDispatcher {
  #lanes = new Map<number, ChatLane>();
  #ready = new Fifo<number>();
  #inFlight = 0;
  #pending = 0;
  #stopped = false;
  #timers = new Set<NodeJS.Timeout>();
  #requests = new Map<UpdateRecord, () => void>();
  readonly #agent: Agent;

  constructor(
    readonly config: WebhookConfig,
    private readonly hooks: WebhookHooks,
  ) {
    this.#agent = new Agent({ keepAlive: true, maxSockets: config.maxConnections });
  }

  get pendingCount(): number {
    return this.#pending;
  }

  enqueue(record: UpdateRecord): void {
    let lane = this.#lanes.get(record.chatId);
    if (!lane) {
      lane = { queue: new Fifo(), busy: false };
      this.#lanes.set(record.chatId, lane);
    }
    lane.queue.push(record);
    this.#pending += 1;
    if (!lane.busy && lane.queue.length === 1) this.#ready.push(record.chatId);
    this.#pump();
  }

  /** Stops delivery and returns the undelivered updates in update_id order. */
  stop(): UpdateRecord[] {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    for (const abort of this.#requests.values()) abort();
    const rest: UpdateRecord[] = [];
    for (const lane of this.#lanes.values()) rest.push(...lane.queue.clear());
    this.#lanes.clear();
    this.#agent.destroy();
    return rest.sort((a, b) => a.update.update_id - b.update.update_id);
  }

  #pump(): void {
    while (!this.#stopped && this.#inFlight < this.config.maxConnections && this.#ready.length > 0) {
      const chatId = this.#ready.shift() as number;
      const lane = this.#lanes.get(chatId);
      const record = lane?.queue.peek();
      if (!lane || !record) continue;
      lane.busy = true;
      this.#inFlight += 1;
      this.#attempt(record, lane, 0);
    }
  }

  #attempt(record: UpdateRecord, lane: ChatLane, failures: number): void {
    this.hooks.delivered(record);
    this.#post(record, (outcome) => {
      if (this.#stopped) return;
      if (outcome.ok) {
        if (outcome.reply) this.hooks.reply(outcome.reply);
        this.#finish(record, lane);
        return;
      }
      this.hooks.failed(outcome.error);
      const delay = Math.min(this.config.retryDelayMs * 2 ** failures, MAX_RETRY_DELAY_MS);
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        if (!this.#stopped) this.#attempt(record, lane, failures + 1);
      }, delay);
      this.#timers.add(timer);
    });
  }

  #finish(record: UpdateRecord, lane: ChatLane): void {
    lane.queue.shift();
    lane.busy = false;
    this.#inFlight -= 1;
    this.#pending -= 1;
    this.hooks.confirmed(record);
    if (lane.queue.length > 0) this.#ready.push(record.chatId);
    else this.#lanes.delete(record.chatId);
    this.#pump();
  }

  #post(
    record: UpdateRecord,
    done: (outcome: { ok: true; reply?: Record<string, unknown> } | { ok: false; error: string }) => void,
  ): void {
    const body = JSON.stringify(record.update);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    };
    if (this.config.secretToken) headers["x-telegram-bot-api-secret-token"] = this.config.secretToken;
    let settled = false;
    const settle: typeof done = (outcome) => {
      if (settled) return;
      settled = true;
      this.#requests.delete(record);
      done(outcome);
    };
    const req = request(
      this.config.url,
      { method: "POST", headers, agent: this.#agent, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => settle({ ok: false, error: error.message }));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) {
            settle({
              ok: false,
              error: `Wrong response from the webhook: ${status} ${res.statusMessage ?? ""}`.trim(),
            });
            return;
          }
          settle({ ok: true, ...replyOf(Buffer.concat(chunks)) });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("Read timeout expired")));
    req.on("error", (error: NodeJS.ErrnoException) =>
      settle({ ok: false, error: error.code === "ECONNREFUSED" ? "Connection refused" : error.message }),
    );
    this.#requests.set(record, () => req.destroy());
    req.end(body);
  }
}

function replyOf(body: Buffer): { reply?: Record<string, unknown> } {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as { method?: unknown }).method === "string"
    ) {
      return { reply: parsed as Record<string, unknown> };
    }
  } catch {
    // Telegram ignores webhook answers that are not a method call.
  }
  return {};
}
