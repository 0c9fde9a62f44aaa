/**
 * Counts wrong guesses (of a receipt) per key in a sliding window and says when a key must wait. Receipts
 * are far beyond guessing; this keeps a script from trying, and tells a person who mistyped when to retry.
 * Per process: a restart forgets, which at 140 bits per receipt costs nothing.
 */
export class GuessLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60 * 60 * 1000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Whether `key` has used up its guesses for now. */
  blocked(key: string, now: Date): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  /** Notes a wrong guess by `key`. */
  fail(key: string, now: Date): void {
    if (this.failures.size >= this.maxKeys) this.forgetOld(now);
    this.failures.set(key, [...this.recent(key, now), now.getTime()]);
  }

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((time) => time > since);
  }

  private forgetOld(now: Date): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
    if (this.failures.size >= this.maxKeys) this.failures.clear();
  }
}
