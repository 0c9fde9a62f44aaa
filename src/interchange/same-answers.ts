import type { Answers } from "../questionnaire/types.ts";

/**
 * Whether two sets of answers hold the same values, whatever the order of their keys (stored JSON and
 * decoded cells build their objects in different orders).
 *
 * @example
 * sameAnswers({ a: { kind: "rank", order: ["x"] } }, { a: { order: ["x"], kind: "rank" } }); // true
 */
export function sameAnswers(left: Answers, right: Answers): boolean {
  return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
