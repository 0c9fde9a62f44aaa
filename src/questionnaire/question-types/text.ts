import { summariseTexts } from "../../stats/text-summary.ts";
import { OTHER_TEXT_MAX_LENGTH, parseTextInput } from "../answer-input.ts";
import type { AnswerOf } from "../types.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";
import { stringVariable } from "./string-variable.ts";
import { mapInput, typedStep } from "./typed-answer.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    text: { answer: { kind: "text"; value: string }; problem: never };
  }
}

type TextAnswer = AnswerOf<"text">;

/** Free text in one message, within the question's length limit; Skip where the question is optional. */
export const text: QuestionTypeSpec<TextAnswer> = {
  choiceList: "none",
  input: (question) => ({
    kind: "typed",
    hint: { key: question.optional ? "question.hint_text_optional" : "question.hint_text" },
    decline: question.optional ? { key: "buttons.skip" } : undefined,
  }),
  step: (moves, action) =>
    typedStep(moves, action, moves.question.optional, (typed) =>
      mapInput(parseTextInput(moves.question.maxLength ?? OTHER_TEXT_MAX_LENGTH, typed), (value) => ({
        kind: "text",
        value,
      })),
    ),
  answer: {
    of: (value) => (value.kind === "text" ? value : undefined),
    check(question, answer) {
      const parsed = parseTextInput(question.maxLength ?? 0, answer.value);
      return parsed.ok ? undefined : parsed.problem;
    },
    encode: (answer) => answer.value,
    decode(question, value) {
      const length = [...value].length;
      const limit = question.maxLength ?? 0;
      return length > limit
        ? `text is over its length limit of ${limit} characters (it has ${length})`
        : { kind: "text", value };
    },
    summary: {
      shape: "texts",
      summarise: (question, waves) =>
        summariseTexts("text", question, waves, (value) => (value.kind === "text" ? value.value : undefined)),
    },
    howToFill: (t, question) => t("interchange:codebook.how.text", { maxLength: question.maxLength }),
    spssVariables: (context) => [
      stringVariable(context, (given) => (given.kind === "text" ? given.value : null)),
    ],
    describe: (answer) => answer.value,
    sample: (question, draw) => ({
      kind: "text",
      value: draw.text(question.maxLength ?? OTHER_TEXT_MAX_LENGTH),
    }),
  },
};
