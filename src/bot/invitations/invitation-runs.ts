import { randomUUID } from "node:crypto";
import type { LeaseRepository } from "../../db/lease-repository.ts";

/** How long a run's lease lasts unless renewed; renewed well before, so a crashed run frees the wave soon. */
const LEASE_MS = 2 * 60 * 1000;
const RENEW_MS = 30 * 1000;

/**
 * The invitation runs of a wave: at most one at a time across every instance of the bot (a lease in the
 * database), so that a row another run is sending right now is never taken for an interrupted one; all runs
 * of this process are told to stop when the bot stops.
 */
export class InvitationRuns {
  readonly #holder = randomUUID();
  readonly #running = new Set<number>();
  readonly #stopping = new AbortController();

  constructor(
    private readonly leases: LeaseRepository,
    private readonly now: () => Date,
  ) {}

  /**
   * Runs `send` for the wave, with a signal that aborts when the bot stops; undefined without running it when
   * a run for the wave is under way already, here or in another instance.
   */
  async exclusive<T>(waveId: number, send: (stop: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.#running.has(waveId)) return undefined;
    this.#running.add(waveId);
    const lease = `invitations:${waveId}`;
    const renew = () => this.leases.acquire(lease, this.#holder, this.now(), LEASE_MS);
    try {
      if (!(await renew())) return undefined;
      const renewal = setInterval(() => void renew().catch(() => undefined), RENEW_MS);
      try {
        return await send(this.#stopping.signal);
      } finally {
        clearInterval(renewal);
        await this.leases.release(lease, this.#holder);
      }
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
