import { choiceSummary } from "../../stats/choice-summary.ts";
import type { AnswerOf } from "../types.ts";
import { knownOption, sampleOther, unknownOptions, withOther } from "./option-list.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    select_one: { answer: { kind: "choice"; option: string; other?: string }; problem: never };
  }
}

type ChoiceAnswer = AnswerOf<"select_one">;

/** One option, chosen with one tap; an option may ask to specify. */
export const selectOne: QuestionTypeSpec<ChoiceAnswer> = {
  choiceList: "list_or_other",
  input(question, state) {
    const stored = state.answers[question.id];
    return { kind: "single_choice", chosen: stored?.kind === "choice" ? stored.option : undefined };
  },
  step(moves, action) {
    if (action.type === "text") return moves.refuse("use_buttons");
    if (action.type !== "choose") return moves.refuse("wrong_kind");
    return moves.completeOrSpecify({ kind: "choice", option: action.option }, [action.option]);
  },
  answer: {
    of: (value) => (value.kind === "choice" ? value : undefined),
    check: (question, answer) => (knownOption(question, answer.option) ? undefined : "unknown_option"),
    selectedOptions: (answer) => [answer.option],
    encode: (answer) => answer.option,
    decode: (question, value) =>
      knownOption(question, value) ? { kind: "choice", option: value } : unknownOptions(question, [value]),
    summary: {
      shape: "choices",
      summarise: (question, waves) => choiceSummary("select_one", question, waves),
    },
    howToFill: (t) => t("interchange:codebook.how.select_one"),
    spssVariables: ({ labels, question, answer, declinedCode, declinedMissing, declinedLabels }) => [
      {
        candidate: question.id,
        label: labels.text(question),
        type: "numeric",
        level: "nominal",
        valueLabels: [
          ...question.options.map((option, index): [number, string] => [
            index + 1,
            labels.option(question, option.id),
          ]),
          ...declinedLabels,
        ],
        ...declinedMissing,
        value: (record) => {
          const given = answer(record);
          if (given?.kind === "declined") return declinedCode;
          if (given?.kind !== "choice") return null;
          return question.options.findIndex((option) => option.id === given.option) + 1 || null;
        },
      },
    ],
    describe: (answer, option) => withOther(option(answer.option), answer.other),
    sample(question, draw) {
      const option = draw.option(question.options.map(({ id }) => id));
      return { kind: "choice", option, ...sampleOther(question, [option], draw) };
    },
  },
};
