import { rankSummary } from "../../stats/ranking-summary.ts";
import type { ResponseState } from "../flow-types.ts";
import type { AnswerOf, Question } from "../types.ts";
import { checkOptionList, decodeOptionList } from "./option-list.ts";
import type { QuestionTypeSpec } from "./question-type-spec.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    rank: { answer: { kind: "rank"; order: string[] }; problem: never };
  }
}

type RankAnswer = AnswerOf<"rank">;

/** Options tapped in order (Undo takes the last back); the top few and Done are enough. */
export const rank: QuestionTypeSpec<RankAnswer> = {
  choiceList: "list",
  input: (question, state) => ({
    kind: "ranking",
    hint: { key: question.rankBy ? `question.hint_rank_${question.rankBy}` : "question.hint_rank" },
    order: rankingOf(state, question),
  }),
  step(moves, action) {
    const { question, state } = moves;
    const order = rankingOf(state, question);
    const withOrder = (next: string[]) =>
      moves.hold({ questionId: question.id, kind: "ranking", order: next });
    switch (action.type) {
      case "rank": {
        if (!question.options.some((option) => option.id === action.option))
          return moves.refuse("unknown_option");
        if (order.includes(action.option)) return moves.refuse("duplicate_option");
        const next = [...order, action.option];
        const left = question.options.filter((option) => !next.includes(option.id));
        if (left.length === 1) return moves.complete({ kind: "rank", order: [...next, left[0]!.id] });
        return withOrder(next);
      }
      case "undo":
        return withOrder(order.slice(0, -1));
      case "done":
        if (order.length > 0) return moves.complete({ kind: "rank", order });
        return moves.keepStored() ?? moves.refuse("nothing_selected");
      case "text":
        return moves.refuse("use_buttons");
      default:
        return moves.refuse("wrong_kind");
    }
  },
  answer: {
    of: (value) => (value.kind === "rank" ? value : undefined),
    check: (question, answer) => checkOptionList(question, answer.order),
    encode: (answer) => answer.order.join(" "),
    decode(question, value) {
      const ids = decodeOptionList(question, value);
      return typeof ids === "string" ? ids : { kind: "rank", order: ids };
    },
    summary: { shape: "ranking", summarise: rankSummary },
    howToFill: (t) => t("interchange:codebook.how.rank"),
    spssVariables: ({ labels, question, answer, declinedCode, declinedMissing, declinedLabels }) =>
      question.options.map((option) => ({
        candidate: `${question.id}_${option.id}`,
        label: `${labels.short(question)}: ${labels.option(question, option.id)}`,
        type: "numeric",
        level: "ordinal",
        valueLabels: declinedLabels,
        ...declinedMissing,
        value: (record) => {
          const given = answer(record);
          if (given?.kind === "declined") return declinedCode;
          if (given?.kind !== "rank") return null;
          return given.order.indexOf(option.id) + 1 || null;
        },
      })),
    describe: (answer, option) => answer.order.map((id, index) => `${index + 1}. ${option(id)}`).join("; "),
    sample: (question, draw) => ({ kind: "rank", order: draw.ranking(question.options.map(({ id }) => id)) }),
  },
};

/** Places given so far in a rank question that is being answered. */
function rankingOf(state: ResponseState, question: Question): string[] {
  if (state.pending?.questionId === question.id && state.pending.kind === "ranking")
    return state.pending.order;
  return [];
}
