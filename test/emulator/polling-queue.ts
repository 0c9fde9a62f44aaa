import type { UpdateRecord } from "./activity-hub.ts";
import { ApiError, conflict } from "./api-error.ts";
import { Fifo } from "./fifo.ts";

export interface DeliveryHooks {
  delivered(record: UpdateRecord): void;
  confirmed(record: UpdateRecord): void;
}

interface Waiter {
  limit: number;
  finish(result: UpdateRecord[] | ApiError): void;
}

/**
 * getUpdates semantics: updates stay queued until a later call confirms them with
 * `offset`, so a bot that restarts without confirming receives them again.
 */
export class PollingQueue {
  #items = new Fifo<UpdateRecord>();
  #waiter: Waiter | undefined;
  #wakeScheduled = false;

  constructor(private readonly hooks: DeliveryHooks) {}

  get length(): number {
    return this.#items.length;
  }

  push(record: UpdateRecord): void {
    this.#items.push(record);
    // Wake on the next turn so updates queued together are answered as one batch.
    if (this.#waiter && !this.#wakeScheduled) {
      this.#wakeScheduled = true;
      setImmediate(() => {
        this.#wakeScheduled = false;
        const waiter = this.#waiter;
        if (waiter && this.#items.length > 0) waiter.finish(this.#take(waiter.limit));
      });
    }
  }

  poll(offset: number, limit: number, timeoutSeconds: number, signal: AbortSignal): Promise<UpdateRecord[]> {
    this.#confirm(offset);
    this.#waiter?.finish(
      conflict("terminated by other getUpdates request; make sure that only one bot instance is running"),
    );
    if (this.#items.length > 0 || timeoutSeconds <= 0) return Promise.resolve(this.#take(limit));
    if (signal.aborted) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        limit,
        finish: (result) => {
          if (this.#waiter !== waiter) return;
          this.#waiter = undefined;
          clearTimeout(timer);
          signal.removeEventListener("abort", onAbort);
          if (result instanceof ApiError) reject(result);
          else resolve(result);
        },
      };
      const onAbort = () => waiter.finish([]);
      const timer = setTimeout(onAbort, timeoutSeconds * 1000);
      signal.addEventListener("abort", onAbort, { once: true });
      this.#waiter = waiter;
    });
  }

  /** Answers a pending long poll with no updates (emulator closing, webhook set). */
  release(): void {
    this.#waiter?.finish([]);
  }

  /** Removes and returns every queued update without confirming it. */
  drain(): UpdateRecord[] {
    return this.#items.clear();
  }

  #confirm(offset: number): void {
    if (offset < 0) {
      while (this.#items.length > -offset) this.#confirmHead();
      return;
    }
    if (offset === 0) return;
    for (let head = this.#items.peek(); head && head.update.update_id < offset; head = this.#items.peek()) {
      this.#confirmHead();
    }
  }

  #confirmHead(): void {
    const record = this.#items.shift();
    if (record) this.hooks.confirmed(record);
  }

  #take(limit: number): UpdateRecord[] {
    const count = Math.min(limit, this.#items.length);
    const batch: UpdateRecord[] = [];
    for (let i = 0; i < count; i++) {
      const record = this.#items.at(i) as UpdateRecord;
      batch.push(record);
      this.hooks.delivered(record);
    }
    return batch;
  }
}
