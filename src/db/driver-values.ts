import type { AnswerValue } from "../questionnaire/types.ts";

/** A JSON column as a driver returns it: text from SQLite, parsed already by PostgreSQL's jsonb. */
export function answerValue(value: unknown): AnswerValue {
  return (typeof value === "string" ? JSON.parse(value) : value) as AnswerValue;
}

/** A count or number column: a number from SQLite, a string from PostgreSQL for 64-bit values. */
export function numberValue(value: unknown): number {
  return Number(value);
}

/** A flag: 0 or 1 from SQLite, a boolean from PostgreSQL. */
export function flagValue(value: unknown): boolean {
  return value === true || value === 1;
}
