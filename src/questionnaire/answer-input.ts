import type { Question, QuestionType, QuestionTypeDeclarations } from "./types.ts";

export type InputResult<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/**
 * Why an input was refused: the problems any type may report, and those a type declares as its own. The bot
 * turns each into its message `problems.<code>` in the expert's language.
 */
export type InputProblem =
  | "out_of_range"
  | "empty"
  | "too_long"
  | "nothing_selected"
  | "unknown_option"
  | "wrong_kind"
  | "duplicate_option"
  | "not_optional"
  /** The answer breaks the question's constraint: the form's message says why, or the bot's own words. */
  | "constraint"
  | QuestionTypeDeclarations[QuestionType]["problem"];

/** Reads a typed text answer (also the "please specify" of an `other` option) within the length limit. */
export function parseTextInput(maxLength: number, text: string): InputResult<string> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: "empty" };
  if ([...trimmed].length > maxLength) return { ok: false, problem: "too_long" };
  return { ok: true, value: trimmed };
}

/** Longest "please specify" text accepted for an `other` option. */
export const OTHER_TEXT_MAX_LENGTH = 300;

/**
 * The selection after the expert taps `optionId` in a multi-select: a tap adds or removes it; an exclusive
 * option clears the others, and any other option clears the exclusive ones.
 */
export function toggleSelection(question: Question, selected: readonly string[], optionId: string): string[] {
  if (selected.includes(optionId)) return selected.filter((id) => id !== optionId);
  const option = question.options.find((candidate) => candidate.id === optionId);
  if (!option) return [...selected];
  if (option.exclusive) return [optionId];
  const exclusive = new Set(question.options.filter((candidate) => candidate.exclusive).map((o) => o.id));
  return question.options
    .map((candidate) => candidate.id)
    .filter((id) => (id === optionId || selected.includes(id)) && !exclusive.has(id));
}

/** Whether the option opens a "please specify" follow-up. */
export function needsSpecification(question: Question, optionIds: readonly string[]): boolean {
  return question.options.some((option) => option.specify && optionIds.includes(option.id));
}
