import type { ResponseState } from "../src/questionnaire/flow-types.ts";
import { applyAction, startResponse } from "../src/questionnaire/response-flow.ts";
import type { Question, Questionnaire } from "../src/questionnaire/types.ts";
import { actionsFor } from "../test/support/scripted-answers.ts";

/** The questions a scripted respondent (first option, fixed texts) is asked, in order, with the state before each. */
export function scriptedPath(
  questionnaire: Questionnaire,
  anonymous: boolean,
): Array<{ question: Question; before: ResponseState }> {
  const path: Array<{ question: Question; before: ResponseState }> = [];
  let state = startResponse(questionnaire, anonymous);
  for (let guard = 0; state.current !== null && guard < questionnaire.questions.length; guard++) {
    const question = questionnaire.questions.find((candidate) => candidate.id === state.current)!;
    path.push({ question, before: state });
    for (const action of actionsFor(question)) state = applyAction(questionnaire, state, action).state;
  }
  return path;
}
