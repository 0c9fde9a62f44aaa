import type { Context, MiddlewareFn } from "grammy";
import { settledWithin } from "./settled-within.ts";

/** Thrown for an update that arrives once the bot has stopped taking updates, so that it is not acknowledged. */
export class UpdateRefusedError extends Error {
  constructor() {
    super("the bot is stopping and takes no more updates");
    this.name = "UpdateRefusedError";
  }
}

/**
 * The updates being handled right now. A stop must wait for them before it closes the database: by the time
 * a handler runs, Telegram already counts its update as delivered (polling confirmed it with the next
 * `getUpdates`), so a handler cut short is an answer lost for good.
 *
 * @example
 * const inFlight = new InFlightUpdates();
 * bot.use(inFlight.middleware);
 * // on SIGTERM, after fetching has stopped:
 * await inFlight.drained(8000);
 */
export class InFlightUpdates {
  #count = 0;
  #refusing = false;
  #waiters: Array<() => void> = [];

  /** Must come first in the bot, so that the time an update waits for its chat's turn counts too. */
  readonly middleware: MiddlewareFn<Context> = async (_ctx, next) => {
    if (this.#refusing) throw new UpdateRefusedError();
    this.#count += 1;
    try {
      await next();
    } finally {
      this.#count -= 1;
      if (this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
    }
  };

  get count(): number {
    return this.#count;
  }

  /**
   * From now on every new update fails before it is handled. By webhook that answers Telegram with an error,
   * and Telegram sends the update again later (to this bot once it is back, or to another instance).
   */
  refuse(): void {
    this.#refusing = true;
  }

  /** Resolves true once no update is in flight, or false if some still are after `deadlineMs`. */
  async drained(deadlineMs: number): Promise<boolean> {
    if (this.#count === 0) return true;
    return settledWithin(new Promise<void>((resolve) => this.#waiters.push(resolve)), deadlineMs);
  }
}
