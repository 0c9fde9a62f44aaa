/** Inactivity after which an expert with an unfinished questionnaire is reminded, once. */
export const REMINDER_AFTER_MS = 24 * 60 * 60 * 1000;

/** An unfinished response of a named expert, as choosing whom to remind needs it. */
export interface ReminderCandidate {
  updatedAt: Date;
  remindedAt: Date | null;
  submittedAt: Date | null;
  remindersEnabled: boolean;
}

/**
 * The responses whose expert should get their one reminder now: unfinished, untouched for a day, not
 * reminded before, and reminders not turned off.
 *
 * @example
 * dueReminders([{ updatedAt: yesterday, remindedAt: null, submittedAt: null, remindersEnabled: true }], now);
 */
export function dueReminders<T extends ReminderCandidate>(
  candidates: readonly T[],
  now: Date,
  afterMs: number = REMINDER_AFTER_MS,
): T[] {
  return candidates.filter(
    (candidate) =>
      candidate.submittedAt === null &&
      candidate.remindedAt === null &&
      candidate.remindersEnabled &&
      now.getTime() - candidate.updatedAt.getTime() >= afterMs,
  );
}
