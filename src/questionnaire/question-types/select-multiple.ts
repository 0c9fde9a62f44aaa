import { choiceSummary } from "../../stats/choice-summary.ts";
import { toggleSelection } from "../answer-input.ts";
import type { ResponseState } from "../flow-types.ts";
import type { AnswerOf, Question } from "../types.ts";
import { checkOptionList, decodeOptionList, sampleOther, withOther } from "./option-list.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    select_multiple: { answer: { kind: "choices"; options: string[]; other?: string }; problem: never };
  }
}

type ChoicesAnswer = AnswerOf<"select_multiple">;

/** Several options, ticked one tap at a time and confirmed with Done. */
export const selectMultiple: QuestionTypeSpec<ChoicesAnswer> = {
  choiceList: "list_or_other",
  input: (question, state) => ({
    kind: "multiple_choice",
    hint: { key: "question.hint_select_multiple" },
    selected: selectionOf(state, question),
  }),
  step(moves, action) {
    const { question, state } = moves;
    const selected = selectionOf(state, question);
    if (action.type === "text") return moves.refuse("use_buttons");
    if (action.type === "toggle") {
      if (!question.options.some((option) => option.id === action.option))
        return moves.refuse("unknown_option");
      return moves.hold({
        questionId: question.id,
        kind: "selection",
        selected: toggleSelection(question, selected, action.option),
      });
    }
    if (action.type !== "done") return moves.refuse("wrong_kind");
    if (selected.length === 0) return moves.refuse("nothing_selected");
    return moves.completeOrSpecify({ kind: "choices", options: selected }, selected);
  },
  answer: {
    of: (value) => (value.kind === "choices" ? value : undefined),
    check: (question, answer) => checkOptionList(question, answer.options),
    selectedOptions: (answer) => answer.options,
    encode: (answer) => answer.options.join(" "),
    decode(question, value) {
      const ids = decodeOptionList(question, value);
      return typeof ids === "string" ? ids : { kind: "choices", options: ids };
    },
    summary: {
      shape: "choices",
      summarise: (question, waves) => choiceSummary("select_multiple", question, waves),
    },
    howToFill: (t) => t("interchange:codebook.how.select_multiple"),
    spssVariables: ({ t, labels, question, answer, declinedCode, declinedMissing, declinedLabels }) =>
      question.options.map((option) => ({
        candidate: `${question.id}_${option.id}`,
        label: `${labels.short(question)}: ${labels.option(question, option.id)}`,
        type: "numeric",
        level: "nominal",
        valueLabels: [
          [0, t("interchange:spss.not_chosen")],
          [1, t("interchange:spss.chosen")],
          ...declinedLabels,
        ],
        ...declinedMissing,
        dichotomy: true,
        value: (record) => {
          const given = answer(record);
          if (given?.kind === "declined") return declinedCode;
          if (given?.kind !== "choices") return null;
          return given.options.includes(option.id) ? 1 : 0;
        },
      })),
    describe: (answer, option) => withOther(answer.options.map(option).join("; "), answer.other),
    sample(question, draw) {
      const picked = draw.options(question.options.map(({ id }) => id));
      const exclusive = picked.find((id) => question.options.some((o) => o.id === id && o.exclusive));
      const options = exclusive ? [exclusive] : picked;
      return { kind: "choices", options, ...sampleOther(question, options, draw) };
    },
  },
};

/** Options ticked so far: the pending selection, or the stored answer when the expert comes back to it. */
function selectionOf(state: ResponseState, question: Question): string[] {
  if (state.pending?.questionId === question.id && state.pending.kind === "selection")
    return state.pending.selected;
  const stored = state.answers[question.id];
  return stored?.kind === "choices" ? stored.options : [];
}
