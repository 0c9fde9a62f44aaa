/** A date as anyone reads it whatever their language: 2026-03-14 (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
