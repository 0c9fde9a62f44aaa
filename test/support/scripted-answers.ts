import type { FlowAction, ResponseState } from "../../src/questionnaire/flow-types.ts";
import { applyAction, startResponse } from "../../src/questionnaire/response-flow.ts";
import type { Question, Questionnaire } from "../../src/questionnaire/types.ts";

/** The actions of an expert who answers every question with the first option (or a fixed text/number). */
export function actionsFor(question: Question): FlowAction[] {
  const first = question.options.find((option) => !option.specify && !option.exclusive)?.id ?? "";
  switch (question.type) {
    case "select_one":
      return [{ type: "choose", option: first }];
    case "select_multiple":
      return [{ type: "toggle", option: first }, { type: "done" }];
    case "rank":
      return [{ type: "rank", option: first }, { type: "done" }];
    case "integer":
      return [{ type: "text", text: "7" }];
    case "decimal":
      return [{ type: "text", text: "3,5" }];
    case "text":
      return [{ type: "text", text: `answer to ${question.id}` }];
    case "note":
      return [{ type: "done" }];
  }
}

/** A response answered to the end, as it stands on the review screen. */
export function completedState(questionnaire: Questionnaire, anonymous: boolean): ResponseState {
  let state = startResponse(questionnaire, anonymous);
  while (state.current !== null) {
    const question = questionnaire.questions.find((q) => q.id === state.current)!;
    for (const action of actionsFor(question)) state = applyAction(questionnaire, state, action).state;
  }
  return state;
}
