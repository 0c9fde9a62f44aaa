export type FaultSpec =
  | { method?: string; status: 429; retryAfter: number }
  | { method?: string; status: 500 }
  | { method?: string; drop: true }
  /** The call is answered as usual, but only after `delayMs`: a slow Bot API. */
  | { method?: string; delayMs: number };

export interface FaultOptions {
  times: number;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/**
 * Injected failures, consumed in the order they were added. A fault without `method`
 * matches any method, getUpdates included.
 */
export class FaultInjector {
  #active: ActiveFault[] = [];

  add(spec: FaultSpec, options: FaultOptions = { times: 1 }): void {
    if (!(options.times >= 1)) throw new RangeError("fault times must be at least 1");
    this.#active.push({ spec, remaining: options.times });
  }

  clear(): void {
    this.#active = [];
  }

  /** Number of faults still to be served. */
  get pending(): number {
    return this.#active.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  take(method: string): FaultSpec | undefined {
    if (this.#active.length === 0) return undefined;
    const lower = method.toLowerCase();
    const index = this.#active.findIndex(
      (fault) => !fault.spec.method || fault.spec.method.toLowerCase() === lower,
    );
    const fault = this.#active[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#active.splice(index, 1);
    return fault.spec;
  }
}
