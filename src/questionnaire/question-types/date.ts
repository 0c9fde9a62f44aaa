import { quote } from "../../interchange/cell-conventions.ts";
import { summariseTexts } from "../../stats/text-summary.ts";
import type { InputResult } from "../answer-input.ts";
import type { AnswerOf } from "../types.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";
import { stringVariable } from "./string-variable.ts";
import { mapInput, typedStep } from "./typed-answer.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    /** `value` is the ISO date, YYYY-MM-DD. */
    date: { answer: { kind: "date"; value: string }; problem: "not_a_date" };
  }
}

type DateAnswer = AnswerOf<"date">;

// ISO as forms and spreadsheets write it, and day.month.year as Kazakh and Russian writing does.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DAY_MS = 86_400_000;
const SAMPLE_START = Date.UTC(2016, 0, 1);

/**
 * Reads a typed date, `2026-03-08` or `8.03.2026`, as its ISO text; a day the calendar lacks is refused.
 *
 * @example
 * parseDateInput(" 8.03.2026 "); // { ok: true, value: "2026-03-08" }
 * parseDateInput("30.02.2026"); // { ok: false, problem: "not_a_date" }
 */
export function parseDateInput(text: string): InputResult<string> {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const dotted = DOTTED_DATE.exec(trimmed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : dotted
      ? [dotted[3], dotted[2], dotted[1]].map(Number)
      : [];
  if (year === undefined || month === undefined || day === undefined)
    return { ok: false, problem: "not_a_date" };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: "not_a_date" };
  }
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** A calendar date, typed; Skip where the question is optional. Stored and exported as ISO text. */
export const date: QuestionTypeSpec<DateAnswer> = {
  choiceList: "none",
  input: (question) => ({
    kind: "typed",
    hint: { key: "question.hint_date" },
    decline: question.optional ? { key: "buttons.skip" } : undefined,
  }),
  step: (moves, action) =>
    typedStep(moves, action, moves.question.optional, (text) =>
      mapInput(parseDateInput(text), (value) => ({ kind: "date", value })),
    ),
  answer: {
    of: (value) => (value.kind === "date" ? value : undefined),
    check: (_question, answer) => {
      const parsed = parseDateInput(answer.value);
      return parsed.ok && parsed.value === answer.value ? undefined : "not_a_date";
    },
    encode: (answer) => answer.value,
    decode(_question, value) {
      const parsed = parseDateInput(value);
      return parsed.ok
        ? { kind: "date", value: parsed.value }
        : `not a date: ${quote(value)} (write YYYY-MM-DD)`;
    },
    summary: {
      shape: "texts",
      summarise: (question, waves) =>
        summariseTexts("date", question, waves, (value) => (value.kind === "date" ? value.value : undefined)),
    },
    howToFill: (t) => t("interchange:codebook.how.date"),
    spssVariables: (context) => [
      stringVariable(context, (given) => (given.kind === "date" ? given.value : null)),
    ],
    describe: (answer) => answer.value,
    sample: (_question, draw) => ({
      kind: "date",
      value: new Date(SAMPLE_START + draw.integer(0, 3652) * DAY_MS).toISOString().slice(0, 10),
    }),
  },
};
