export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  /** Arrival time in ms (the emulator clock). */
  at: number;
  /** HTTP status of the answer; undefined while pending, 0 when the socket was dropped by a fault. */
  status: number | undefined;
  /** An HTTP request to the API, or a method the bot put in its answer to a webhook delivery. */
  via: "request" | "webhook reply";
}

/** Keeps the newest `max` calls in a ring so long load runs do not grow memory without limit. */
export class CallLog {
  readonly #max: number;
  #ring: CallRecord[] = [];
  #next = 0;

  constructor(max = Number.POSITIVE_INFINITY) {
    if (!(max > 0)) throw new RangeError("maxCallLog must be positive");
    this.#max = max;
  }

  add(record: CallRecord): void {
    if (this.#ring.length < this.#max) {
      this.#ring.push(record);
      return;
    }
    this.#ring[this.#next] = record;
    this.#next = (this.#next + 1) % this.#ring.length;
  }

  toArray(): CallRecord[] {
    return this.#next === 0
      ? [...this.#ring]
      : [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }
}
