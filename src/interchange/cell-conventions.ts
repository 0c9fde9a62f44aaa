/** How a declined answer ("prefer not to say", a skipped optional question) is written. */
export const DECLINED_CELL = "declined";

/** Wraps a name or value in typographic quotes, as every problem message does. */
export function quote(text: string): string {
  return `“${text}”`;
}
