import { needsSpecification, OTHER_TEXT_MAX_LENGTH, parseTextInput } from "./answer-input.ts";
import { checkAnswer, checkInContext } from "./check-answer.ts";
import {
  type FlowOptions,
  findQuestion,
  inapplicableAnswers,
  nextQuestion,
  previousQuestion,
  visibleQuestions,
} from "./engine.ts";
import type { FlowAction, FlowMoves, FlowProblem, FlowStep, Pending, ResponseState } from "./flow-types.ts";
import { questionType, takesAnswer } from "./question-types/registry.ts";
import type { Answers, AnswerValue, Question, Questionnaire } from "./types.ts";

// The repositories keep the state as the flow leaves it.
export type { ResponseState } from "./flow-types.ts";

/** The state of a response that has just been started. */
export function startResponse(questionnaire: Questionnaire, anonymous: boolean): ResponseState {
  const first = nextQuestion(questionnaire, {}, undefined, { anonymous });
  return { anonymous, answers: {}, current: first?.id ?? null, reviewing: false, pending: null };
}

/**
 * The state with its position moved to a question that applies, e.g. after a switch to anonymous hid the
 * identity question the respondent was on. Returns the same object when nothing needs to move.
 */
export function resumeAt(questionnaire: Questionnaire, state: ResponseState): ResponseState {
  const flow = { anonymous: state.anonymous };
  const visible = visibleQuestions(questionnaire, state.answers, flow);
  if (state.current === null || visible.some((question) => question.id === state.current)) return state;
  const next = firstToAnswer(questionnaire, state.answers, flow);
  return { ...state, current: next?.id ?? null, reviewing: state.reviewing || !next, pending: null };
}

/**
 * Applies one action of the respondent. Pure: the caller stores `saved`/`removed` and the new state.
 *
 * @example
 * const step = applyAction(education, state, { type: "choose", option: "very_relevant" });
 * step.saved; // { questionId: "access_relevance", value: { kind: "choice", option: "very_relevant" } }
 */
export function applyAction(
  questionnaire: Questionnaire,
  state: ResponseState,
  action: FlowAction,
): FlowStep {
  if (action.type === "edit") return edit(questionnaire, state, action.questionId);
  if (action.type === "back") return back(questionnaire, state);
  const question = state.current === null ? undefined : findQuestion(questionnaire, state.current);
  if (!question) return refuse(state, "use_buttons");
  if (state.pending?.kind === "specify" && state.pending.questionId === question.id) {
    return specify(questionnaire, state, question, state.pending.answer, action);
  }
  return questionType(question).step(movesFor(questionnaire, state, question), action);
}

/**
 * The first question still to be answered, or undefined when the response is complete: a question that takes
 * no answer (a note) is never waiting for one.
 */
export function firstToAnswer(
  questionnaire: Questionnaire,
  answers: Answers,
  flow: FlowOptions,
): Question | undefined {
  return visibleQuestions(questionnaire, answers, flow).find(
    (question) => !(question.id in answers) && takesAnswer(question),
  );
}

function movesFor(questionnaire: Questionnaire, state: ResponseState, question: Question): FlowMoves {
  return {
    question,
    state,
    refuse: (problem) => refuse(state, problem),
    complete: (answer) => complete(questionnaire, state, question, answer),
    completeOrSpecify: (answer, chosen) => completeOrSpecify(questionnaire, state, question, answer, chosen),
    keepStored: () => keepStored(questionnaire, state, question),
    moveOn: () => moveOn(questionnaire, state, question),
    hold: (pending: Pending) => ({ state: { ...state, pending }, removed: [] }),
  };
}

function refuse(state: ResponseState, problem: FlowProblem): FlowStep {
  return { state, removed: [], problem };
}

/** Done on a question answered before: the stored answer stands and the respondent moves on. */
function keepStored(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
): FlowStep | undefined {
  const stored = state.answers[question.id];
  return stored ? complete(questionnaire, state, question, stored) : undefined;
}

/** A question that takes no answer is passed: on to the next one, nothing stored. */
function moveOn(questionnaire: Questionnaire, state: ResponseState, question: Question): FlowStep {
  const following = nextPosition(questionnaire, state, state.answers, question);
  return {
    state: {
      ...state,
      current: following?.id ?? null,
      reviewing: state.reviewing || !following,
      pending: null,
    },
    removed: [],
  };
}

function completeOrSpecify(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  answer: AnswerValue,
  chosen: readonly string[],
): FlowStep {
  const problem = checkAnswer(question, answer);
  if (problem) return refuse(state, problem);
  if (needsSpecification(question, chosen)) {
    return {
      state: { ...state, pending: { questionId: question.id, kind: "specify", answer } },
      removed: [],
    };
  }
  return complete(questionnaire, state, question, answer);
}

function specify(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  answer: AnswerValue,
  action: FlowAction,
): FlowStep {
  if (action.type !== "text") return refuse(state, "type_answer");
  const parsed = parseTextInput(OTHER_TEXT_MAX_LENGTH, action.text);
  if (!parsed.ok) return refuse(state, parsed.problem);
  return complete(questionnaire, state, question, { ...answer, other: parsed.value } as AnswerValue);
}

function complete(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  value: AnswerValue,
): FlowStep {
  const problem = checkAnswer(question, value) ?? checkInContext(question, value, state.answers);
  if (problem) return refuse(state, problem);
  const answers: Record<string, AnswerValue> = { ...state.answers, [question.id]: value };
  const flow = { anonymous: state.anonymous };
  const removed = inapplicableAnswers(questionnaire, answers, flow);
  for (const id of removed) delete answers[id];
  const following = nextPosition(questionnaire, state, answers, question);
  return {
    state: {
      ...state,
      answers,
      current: following?.id ?? null,
      reviewing: state.reviewing || !following,
      pending: null,
    },
    saved: { questionId: question.id, value },
    removed,
  };
}

/** Where the respondent goes after `question`: back to what is left once reviewing, else the next question. */
function nextPosition(
  questionnaire: Questionnaire,
  state: ResponseState,
  answers: Answers,
  question: Question,
): Question | undefined {
  const flow = { anonymous: state.anonymous };
  return state.reviewing
    ? firstToAnswer(questionnaire, answers, flow)
    : (nextQuestion(questionnaire, answers, question.id, flow) ??
        firstToAnswer(questionnaire, answers, flow));
}

function back(questionnaire: Questionnaire, state: ResponseState): FlowStep {
  const flow = { anonymous: state.anonymous };
  if (state.pending?.kind === "specify") return { state: { ...state, pending: null }, removed: [] };
  if (state.current === null) {
    const last = questionnaire.questions.filter((q) => q.id in state.answers).at(-1);
    return { state: { ...state, current: last?.id ?? null, pending: null }, removed: [] };
  }
  if (state.reviewing && firstToAnswer(questionnaire, state.answers, flow) === undefined) {
    return { state: { ...state, current: null, pending: null }, removed: [] };
  }
  const previous = previousQuestion(questionnaire, state.answers, state.current, flow);
  if (!previous) return { state: { ...state, pending: null }, removed: [], leftQuestionnaire: true };
  return { state: { ...state, current: previous.id, pending: null }, removed: [] };
}

function edit(questionnaire: Questionnaire, state: ResponseState, questionId: string): FlowStep {
  const question = findQuestion(questionnaire, questionId);
  const applies = question && !(state.anonymous && question.section === "identity");
  if (!applies || !(questionId in state.answers)) return refuse(state, "unknown_option");
  return { state: { ...state, current: questionId, reviewing: true, pending: null }, removed: [] };
}
