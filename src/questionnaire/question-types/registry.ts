import type { QuestionSummary } from "../../stats/summary-types.ts";
import type { AnswerOf, AnswerValue, Question, QuestionType } from "../types.ts";
import { date } from "./date.ts";
import { decimal } from "./decimal.ts";
import { integer } from "./integer.ts";
import { note } from "./note.ts";
import type { QuestionTypeSpec, SummaryPart } from "./question-type-spec.ts";
import { rank } from "./rank.ts";
import { selectMultiple } from "./select-multiple.ts";
import { selectOne } from "./select-one.ts";
import { text } from "./text.ts";

/**
 * Every question type with its complete spec: a type its module declares but missing here, a part missing from
 * its spec, or a spec for another answer than the one declared does not compile.
 */
export const QUESTION_TYPES = {
  select_one: selectOne,
  select_multiple: selectMultiple,
  rank,
  integer,
  decimal,
  text,
  date,
  note,
} satisfies { [T in QuestionType]: QuestionTypeSpec<AnswerOf<T>> };

/** Whether `name` is a question type, as the form's `type` cell names one. */
export function isQuestionType(name: string): name is QuestionType {
  return Object.hasOwn(QUESTION_TYPES, name);
}

/** The spec of `question`'s type. */
export function questionType(question: Question): QuestionTypeSpec {
  return QUESTION_TYPES[question.type];
}

/** Whether the question stores an answer (a note does not). */
export function takesAnswer(question: Question): boolean {
  return questionType(question).answer !== null;
}

/** The options an answer chooses (a select_one's option, a select_multiple's ticks); none for other answers. */
export function selectedOptions(question: Question, value: AnswerValue): readonly string[] {
  const spec = questionType(question).answer;
  const own = spec?.of(value);
  return own && spec?.selectedOptions ? spec.selectedOptions(own) : [];
}

/** A summary entry with the shape its type presents it in, for the summary pages and sheets. */
export type ShapedSummary = {
  [S in SummaryPart["shape"]]: {
    shape: S;
    entry: ReturnType<Extract<SummaryPart, { shape: S }>["summarise"]>;
  };
}[SummaryPart["shape"]];

/** Tags a summary entry with its type's shape. */
export function shapedSummary(entry: QuestionSummary): ShapedSummary {
  const part = QUESTION_TYPES[entry.type].answer?.summary;
  if (!part) throw new RangeError(`a ${entry.type} question has no summary`);
  const { shape } = part;
  // Sound: a type's summarise builds the entries of its own shape, and the entry names its type.
  return { shape, entry } as ShapedSummary;
}
