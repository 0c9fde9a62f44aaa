const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The UTC day a moment falls on. Rows an anonymous expert's actions leave carry no finer time, so that no
 * time can be matched against another row, a log or a message to tell whose they are.
 */
export function dayOf(moment: Date): Date {
  return new Date(Math.floor(moment.getTime() / DAY_MS) * DAY_MS);
}

/** The UTC hour a moment falls on: the finest time kept by bookkeeping that names no user. */
export function hourOf(moment: Date): Date {
  return new Date(Math.floor(moment.getTime() / HOUR_MS) * HOUR_MS);
}
