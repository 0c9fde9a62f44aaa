import { quote } from "../../interchange/cell-conventions.ts";
import { summariseNumbers } from "../../stats/number-summary.ts";
import type { InputResult } from "../answer-input.ts";
import type { AnswerOf, Question } from "../types.ts";
import { numberVariable } from "./number-variable.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";
import { mapInput, typedStep } from "./typed-answer.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    decimal: { answer: { kind: "decimal"; value: number }; problem: "not_a_decimal" };
  }
}

type DecimalAnswer = AnswerOf<"decimal">;

// A decimal comma is as common in Kazakh and Russian writing as the point is in English.
const DECIMAL_PATTERN = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * Reads a typed number with or without a decimal part, "3,5" and "3.5" alike, and checks the question's
 * range (min and max, when it has them).
 *
 * @example
 * parseDecimalInput(question, " 3,5 "); // { ok: true, value: 3.5 }
 */
export function parseDecimalInput(question: Question, text: string): InputResult<number> {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) return { ok: false, problem: "not_a_decimal" };
  const value = Number(trimmed.replace(",", "."));
  if (value < (question.min ?? -Number.MAX_VALUE) || value > (question.max ?? Number.MAX_VALUE)) {
    return { ok: false, problem: "out_of_range" };
  }
  return { ok: true, value };
}

/** A number with a decimal point or comma, typed; "prefer not to say" where the question offers it. */
export const decimal: QuestionTypeSpec<DecimalAnswer> = {
  choiceList: "none",
  input: (question) => ({
    kind: "typed",
    hint: hasRange(question)
      ? { key: "question.hint_decimal", values: { min: question.min, max: question.max } }
      : { key: "question.hint_decimal_any" },
    decline: question.preferNotToSay ? { key: "buttons.prefer_not_to_say" } : undefined,
  }),
  step: (moves, action) =>
    typedStep(moves, action, moves.question.preferNotToSay === true, (text) =>
      mapInput(parseDecimalInput(moves.question, text), (value) => ({ kind: "decimal", value })),
    ),
  answer: {
    of: (value) => (value.kind === "decimal" ? value : undefined),
    check: (question, answer) =>
      Number.isFinite(answer.value) && parseDecimalInput(question, String(answer.value)).ok
        ? undefined
        : "out_of_range",
    encode: (answer) => answer.value,
    decode(question, value) {
      const parsed = parseDecimalInput(question, value);
      if (parsed.ok) return { kind: "decimal", value: parsed.value };
      return parsed.problem === "not_a_decimal"
        ? `not a number: ${quote(value)}`
        : `value ${value} is out of range ${question.min ?? "−∞"}–${question.max ?? "∞"}`;
    },
    summary: {
      shape: "numbers",
      summarise: (question, waves) => summariseNumbers("decimal", question, waves),
    },
    howToFill: (t, question) =>
      hasRange(question)
        ? t("interchange:codebook.how.decimal", { min: question.min, max: question.max })
        : t("interchange:codebook.how.decimal_any"),
    spssVariables: (context) => [
      numberVariable(context, (given) => (given.kind === "decimal" ? given.value : null)),
    ],
    describe: (answer) => String(answer.value),
    sample: (question, draw) => ({
      kind: "decimal",
      value: draw.number(question.min ?? -1e6, question.max ?? 1e6),
    }),
  },
};

function hasRange(question: Question): boolean {
  return question.min !== undefined && question.max !== undefined;
}
