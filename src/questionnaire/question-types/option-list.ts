import { quote } from "../../interchange/cell-conventions.ts";
import { type InputProblem, needsSpecification } from "../answer-input.ts";
import type { Question } from "../types.ts";
import type { SampleDraw } from "./question-type-spec.ts";

/** Whether `question` offers option `id`. */
export function knownOption(question: Question, id: string): boolean {
  return question.options.some((option) => option.id === id);
}

/** Checks a list of chosen or ranked options: known, each once, an exclusive one alone. */
export function checkOptionList(question: Question, ids: readonly string[]): InputProblem | undefined {
  if (ids.length === 0) return "nothing_selected";
  if (ids.some((id) => !knownOption(question, id))) return "unknown_option";
  if (new Set(ids).size !== ids.length) return "duplicate_option";
  const exclusive = question.options.filter((option) => option.exclusive).map((option) => option.id);
  if (ids.length > 1 && ids.some((id) => exclusive.includes(id))) return "unknown_option";
  return undefined;
}

/** Reads option ids separated by spaces, commas or semicolons from a cell, or says what is wrong with them. */
export function decodeOptionList(question: Question, value: string): string[] | string {
  const ids = value.split(/[\s,;]+/).filter((id) => id.length > 0);
  const unknown = ids.filter((id) => !knownOption(question, id));
  if (unknown.length > 0) return unknownOptions(question, unknown);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) return `option ${quote(repeated)} is listed twice`;
  const exclusive = ids.find((id) => question.options.some((option) => option.id === id && option.exclusive));
  if (exclusive && ids.length > 1) return `exclusive option ${quote(exclusive)} is combined with others`;
  return ids;
}

/** The problem message for option ids a question does not offer. */
export function unknownOptions(question: Question, ids: readonly string[]): string {
  const noun = ids.length === 1 ? "option id" : "option ids";
  return `unknown ${noun} ${ids.map(quote).join(", ")} for question ${quote(question.id)}`;
}

/** The "please specify" text `draw` gives when one of the chosen options asks for it. */
export function sampleOther(
  question: Question,
  chosen: readonly string[],
  draw: SampleDraw,
): { other?: string } {
  const other = needsSpecification(question, chosen) ? draw.other() : undefined;
  return other === undefined ? {} : { other };
}

/** The answer in words with its "please specify" text after it. */
export function withOther(text: string, other: string | undefined): string {
  return other ? `${text} (${other})` : text;
}
