export interface FloodLimits {
  /** Messages per second the bot may send into one chat (Telegram allows about 1). */
  perChatPerSecond?: number;
  /** Messages per second across all chats (Telegram allows about 30). */
  globalPerSecond?: number;
  /** Messages that may be sent back to back before the rates apply (default 1). */
  burst?: number;
}

class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    readonly perSecond: number,
    readonly capacity: number,
    now: number,
  ) {
    this.#tokens = capacity;
    this.#last = now;
  }

  /** Seconds until a token is available (0 if one is available now). */
  waitSeconds(now: number): number {
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
    this.#last = now;
    return this.#tokens >= 1 ? 0 : (1 - this.#tokens) / this.perSecond;
  }

  take(): void {
    this.#tokens -= 1;
  }
}

/** Optional emulation of Telegram's flood limits on send* methods, answered with 429 retry_after. */
export class FloodControl {
  #chats = new Map<number, TokenBucket>();
  #global: TokenBucket | undefined;

  constructor(
    private readonly limits: FloodLimits,
    private readonly now: () => number,
  ) {
    if (limits.globalPerSecond) {
      this.#global = new TokenBucket(limits.globalPerSecond, limits.burst ?? 1, now());
    }
  }

  static counts(method: string): boolean {
    return method.startsWith("send") && method !== "sendChatAction";
  }

  /** Returns retry_after in whole seconds when the call must be refused. */
  check(chatId: number | undefined, now = this.now()): number | undefined {
    let chat: TokenBucket | undefined;
    if (chatId !== undefined && this.limits.perChatPerSecond) {
      chat =
        this.#chats.get(chatId) ?? new TokenBucket(this.limits.perChatPerSecond, this.limits.burst ?? 1, now);
      this.#chats.set(chatId, chat);
    }
    const wait = Math.max(chat?.waitSeconds(now) ?? 0, this.#global?.waitSeconds(now) ?? 0);
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    chat?.take();
    this.#global?.take();
    return undefined;
  }
}
