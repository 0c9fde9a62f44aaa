import type { Update, WebhookInfo } from "grammy/types";
import type { ActivityHub, UpdateRecord } from "./activity-hub.ts";
import { badRequest, conflict } from "./api-error.ts";
import type { Params } from "./params.ts";
import { type DeliveryHooks, PollingQueue } from "./polling-queue.ts";
import { WebhookDispatcher } from "./webhook-dispatcher.ts";

export type UpdateBody = Omit<Update, "update_id">;
type UpdateType = Exclude<keyof Update, "update_id">;

const OFF_BY_DEFAULT: ReadonlySet<string> = new Set([
  "chat_member",
  "message_reaction",
  "message_reaction_count",
]);

export interface DeliveryOptions {
  webhookRetryDelayMs: number;
  unixTime(): number;
  executeReply(body: Record<string, unknown>): void;
}

/** Routes queued updates to getUpdates or to the webhook, whichever is configured. */
export class UpdateDelivery {
  #nextUpdateId = 1;
  #allowed: ReadonlySet<string> | undefined;
  #webhook: WebhookDispatcher | undefined;
  #lastError: { date: number; message: string } | undefined;
  readonly #hooks: DeliveryHooks;
  readonly #polling: PollingQueue;

  constructor(
    private readonly hub: ActivityHub,
    private readonly options: DeliveryOptions,
  ) {
    this.#hooks = {
      delivered: (record) => {
        record.delivered = true;
        hub.emit(record.chatId, { type: "delivered", record });
      },
      confirmed: (record) => {
        record.confirmed = true;
        hub.emit(record.chatId, { type: "confirmed", record });
      },
    };
    this.#polling = new PollingQueue(this.#hooks);
  }

  get pendingCount(): number {
    return this.#polling.length + (this.#webhook?.pendingCount ?? 0);
  }

  /** Returns undefined when the bot's allowed_updates excludes this kind of update (Telegram drops it). */
  queue(chatId: number, body: UpdateBody): UpdateRecord | undefined {
    const type = Object.keys(body)[0] ?? "";
    if (this.#allowed ? !this.#allowed.has(type) : OFF_BY_DEFAULT.has(type)) return undefined;
    const update = { update_id: this.#nextUpdateId++, ...body } as Update;
    const record: UpdateRecord = { update, chatId, delivered: false, confirmed: false };
    this.hub.emit(chatId, { type: "queued", record });
    if (this.#webhook) this.#webhook.enqueue(record);
    else this.#polling.push(record);
    return record;
  }

  async getUpdates(params: Params, signal: AbortSignal): Promise<Update[]> {
    if (this.#webhook) {
      throw conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    this.#setAllowed(params);
    const limit = Math.min(Math.max(params.integer("limit") ?? 100, 1), 100);
    const timeout = Math.max(params.integer("timeout") ?? 0, 0);
    const records = await this.#polling.poll(params.integer("offset") ?? 0, limit, timeout, signal);
    return records.map((record) => record.update);
  }

  setWebhook(params: Params): true {
    const url = params.string("url") ?? "";
    if (url === "") return this.deleteWebhook(params);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest("bad webhook: Failed to resolve host: Name or service not known");
    }
    if (parsed.protocol !== "http:") {
      throw badRequest("bad webhook: the emulator delivers to http:// URLs only");
    }
    const secretToken = params.string("secret_token");
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest("secret token contains unallowed characters");
    }
    const maxConnections = params.integer("max_connections") ?? 40;
    if (maxConnections < 1 || maxConnections > 100) {
      throw badRequest("bad webhook: max_connections must be 1-100");
    }
    this.#setAllowed(params);
    const pending = this.#takeAllPending(params.boolean("drop_pending_updates"));
    this.#lastError = undefined;
    this.#webhook = new WebhookDispatcher(
      { url, secretToken, maxConnections, retryDelayMs: this.options.webhookRetryDelayMs },
      {
        ...this.#hooks,
        reply: (body) => this.options.executeReply(body),
        failed: (message) => {
          this.#lastError = { date: this.options.unixTime(), message };
        },
      },
    );
    for (const record of pending) this.#webhook.enqueue(record);
    return true;
  }

  deleteWebhook(params: Params): true {
    const drop = params.boolean("drop_pending_updates");
    if (!this.#webhook && !drop) return true;
    const pending = this.#takeAllPending(drop);
    this.#webhook = undefined;
    for (const record of pending) this.#polling.push(record);
    return true;
  }

  webhookInfo(): WebhookInfo {
    const config = this.#webhook?.config;
    return {
      url: config?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.pendingCount,
      ...(config ? { max_connections: config.maxConnections } : {}),
      ...(this.#lastError && config
        ? { last_error_date: this.#lastError.date, last_error_message: this.#lastError.message }
        : {}),
      ...(this.#allowed ? { allowed_updates: [...this.#allowed] as UpdateType[] } : {}),
    };
  }

  close(): void {
    this.#polling.release();
    this.#webhook?.stop();
    this.#webhook = undefined;
  }

  #takeAllPending(drop: boolean): UpdateRecord[] {
    this.#polling.release();
    const pending = [...(this.#webhook?.stop() ?? []), ...this.#polling.drain()];
    if (!drop) return pending;
    for (const record of pending) this.#hooks.confirmed(record);
    return [];
  }

  #setAllowed(params: Params): void {
    const allowed = params.json("allowed_updates");
    if (!Array.isArray(allowed)) return;
    this.#allowed = allowed.length === 0 ? undefined : new Set(allowed.map(String));
  }
}
