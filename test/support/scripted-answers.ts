import type { FlowAction, ResponseState } from "../../src/questionnaire/flow-types.ts";
import type { AnswerInput, SampleDraw } from "../../src/questionnaire/question-types/question-type-spec.ts";
import { questionType } from "../../src/questionnaire/question-types/registry.ts";
import { applyAction, startResponse } from "../../src/questionnaire/response-flow.ts";
import type { Question, Questionnaire } from "../../src/questionnaire/types.ts";

/** Fixed choices for a sample answer: the first options, 7, 3.5, "answer to <id>"; no "please specify". */
export function scriptedDraw(question: Question): SampleDraw {
  return {
    option: (ids) => ids[0]!,
    options: (ids) => ids.slice(0, 1),
    ranking: (ids) => ids.slice(0, 1),
    integer: (min, max) => Math.min(max, Math.max(min, 7)),
    number: (min, max) => Math.min(max, Math.max(min, 3.5)),
    text: (maxLength) => `answer to ${question.id}`.slice(0, maxLength),
    other: () => undefined,
  };
}

/** How `question` is answered, as its type renders it before any answer is given. */
export function inputKind(question: Question): AnswerInput["kind"] {
  const blank: ResponseState = {
    anonymous: true,
    answers: {},
    current: question.id,
    reviewing: false,
    pending: null,
  };
  return questionType(question).input(question, blank).kind;
}

/** The actions of an expert who answers every question with the first option, or types its sample answer. */
export function actionsFor(question: Question): FlowAction[] {
  const first = question.options.find((option) => !option.specify && !option.exclusive)?.id ?? "";
  switch (inputKind(question)) {
    case "single_choice":
      return [{ type: "choose", option: first }];
    case "multiple_choice":
      return [{ type: "toggle", option: first }, { type: "done" }];
    case "ranking":
      return [{ type: "rank", option: first }, { type: "done" }];
    case "typed": {
      const spec = questionType(question).answer!;
      return [{ type: "text", text: String(spec.encode(spec.sample(question, scriptedDraw(question)))) }];
    }
    case "none":
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
