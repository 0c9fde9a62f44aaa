import { quote } from "../../interchange/cell-conventions.ts";
import { summariseNumbers } from "../../stats/number-summary.ts";
import type { InputResult } from "../answer-input.ts";
import type { AnswerOf, Question } from "../types.ts";
import { numberVariable } from "./number-variable.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";
import { mapInput, typedStep } from "./typed-answer.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    integer: { answer: { kind: "integer"; value: number }; problem: "not_a_number" };
  }
}

type IntegerAnswer = AnswerOf<"integer">;

const INTEGER_PATTERN = /^[+-]?\d+$/;

/** Reads a typed whole number such as "12" or " 7 " and checks the question's range. */
export function parseIntegerInput(question: Question, text: string): InputResult<number> {
  const trimmed = text.trim();
  if (!INTEGER_PATTERN.test(trimmed)) return { ok: false, problem: "not_a_number" };
  const value = Number(trimmed);
  if (
    value < (question.min ?? Number.MIN_SAFE_INTEGER) ||
    value > (question.max ?? Number.MAX_SAFE_INTEGER)
  ) {
    return { ok: false, problem: "out_of_range" };
  }
  return { ok: true, value };
}

/** A whole number within the question's range, typed; "prefer not to say" where the question offers it. */
export const integer: QuestionTypeSpec<IntegerAnswer> = {
  choiceList: "none",
  input: (question) => ({
    kind: "typed",
    hint: { key: "question.hint_integer", values: { min: question.min, max: question.max } },
    decline: question.preferNotToSay ? { key: "buttons.prefer_not_to_say" } : undefined,
  }),
  step: (moves, action) =>
    typedStep(moves, action, moves.question.preferNotToSay === true, (text) =>
      mapInput(parseIntegerInput(moves.question, text), (value) => ({ kind: "integer", value })),
    ),
  answer: {
    of: (value) => (value.kind === "integer" ? value : undefined),
    check: (question, answer) =>
      parseIntegerInput(question, String(answer.value)).ok ? undefined : "out_of_range",
    encode: (answer) => answer.value,
    decode(question, value) {
      const parsed = parseIntegerInput(question, value);
      if (parsed.ok) return { kind: "integer", value: parsed.value };
      return parsed.problem === "not_a_number"
        ? `not a whole number: ${quote(value)}`
        : `value ${Number(value)} is out of range ${question.min}–${question.max}`;
    },
    summary: {
      shape: "numbers",
      summarise: (question, waves) => summariseNumbers("integer", question, waves),
    },
    howToFill: (t, question) =>
      t("interchange:codebook.how.integer", { min: question.min, max: question.max }),
    spssVariables: (context) => [
      numberVariable(context, (given) => (given.kind === "integer" ? given.value : null)),
    ],
    describe: (answer) => String(answer.value),
    sample: (question, draw) => ({
      kind: "integer",
      value: draw.integer(question.min ?? 0, question.max ?? (question.min ?? 0) + 100),
    }),
  },
};
