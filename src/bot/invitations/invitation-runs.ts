/**
 * The invitation runs under way in this process: at most one per wave, so that a row another run of this
 * process is sending right now is never taken for an interrupted one, and all told to stop when the bot stops.
 */
export class InvitationRuns {
  readonly #running = new Set<number>();
  readonly #stopping = new AbortController();

  /**
   * Runs `send` for the wave, with a signal that aborts when the bot stops; undefined without running it when
   * a run for the wave is under way already.
   */
  async exclusive<T>(waveId: number, send: (stop: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.#running.has(waveId)) return undefined;
    this.#running.add(waveId);
    try {
      return await send(this.#stopping.signal);
    } finally {
      this.#running.delete(waveId);
    }
  }

  isRunning(waveId: number): boolean {
    return this.#running.has(waveId);
  }

  /** Every run sends no further invitation; those already on their way are finished and recorded. */
  stop(): void {
    this.#stopping.abort();
  }
}
