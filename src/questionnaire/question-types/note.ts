import type { QuestionTypeSpec } from "./question-type-spec.ts";

declare module "../types.ts" {
  interface QuestionTypeDeclarations {
    note: { answer: never; problem: never };
  }
}

/** A text shown to the expert, passed with Continue: it stores no answer, so no export or summary has it. */
export const note: QuestionTypeSpec<never> = {
  choiceList: "none",
  input: () => ({ kind: "none" }),
  step: (moves, action) => {
    if (action.type === "done") return moves.moveOn();
    return moves.refuse(action.type === "text" ? "use_buttons" : "wrong_kind");
  },
  answer: null,
};
