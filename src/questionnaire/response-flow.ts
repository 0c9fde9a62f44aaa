import {
  checkAnswer,
  type InputProblem,
  type InputResult,
  needsSpecification,
  OTHER_TEXT_MAX_LENGTH,
  parseIntegerInput,
  parseTextInput,
  toggleSelection,
} from "./answer-input.ts";
import {
  findQuestion,
  firstUnanswered,
  inapplicableAnswers,
  nextQuestion,
  previousQuestion,
  visibleQuestions,
} from "./engine.ts";
import type { Answers, AnswerValue, Question, Questionnaire } from "./types.ts";

/** An answer being built over several taps; kept with the response so a restart loses none of it. */
export type Pending =
  | { questionId: string; kind: "selection"; selected: string[] }
  | { questionId: string; kind: "ranking"; order: string[] }
  | { questionId: string; kind: "specify"; answer: AnswerValue };

/** Where one respondent stands in a questionnaire. */
export interface ResponseState {
  anonymous: boolean;
  answers: Answers;
  /** The question on screen; null while the review screen is shown. */
  current: string | null;
  /** Set once the respondent reached the review: after an answer they return there. */
  reviewing: boolean;
  pending: Pending | null;
}

export type FlowAction =
  | { type: "choose"; option: string }
  | { type: "toggle"; option: string }
  | { type: "rank"; option: string }
  | { type: "undo" }
  | { type: "done" }
  | { type: "decline" }
  | { type: "text"; text: string }
  | { type: "back" }
  | { type: "edit"; questionId: string };

export type FlowProblem = InputProblem | "use_buttons" | "type_answer";

export interface FlowStep {
  state: ResponseState;
  /** Answer to store now. */
  saved?: { questionId: string; value: AnswerValue };
  /** Answers that no longer apply and must be removed. */
  removed: string[];
  /** The input was refused: nothing changed. */
  problem?: FlowProblem;
  /** Back was pressed on the first question: the respondent returns to the anonymity choice. */
  leftQuestionnaire?: boolean;
}

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
  const next = firstUnanswered(questionnaire, state.answers, flow);
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
  switch (question.type) {
    case "select_one":
      return chooseOne(questionnaire, state, question, action);
    case "select_multiple":
      return chooseMany(questionnaire, state, question, action);
    case "rank":
      return rank(questionnaire, state, question, action);
    case "integer":
    case "text":
      return typeAnswer(questionnaire, state, question, action);
  }
}

function refuse(state: ResponseState, problem: FlowProblem): FlowStep {
  return { state, removed: [], problem };
}

function chooseOne(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  action: FlowAction,
) {
  if (action.type === "text") return refuse(state, "use_buttons");
  if (action.type !== "choose") return refuse(state, "wrong_kind");
  const answer: AnswerValue = { kind: "choice", option: action.option };
  return completeOrSpecify(questionnaire, state, question, answer, [action.option]);
}

function chooseMany(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  action: FlowAction,
) {
  const selected = selectionOf(state, question);
  if (action.type === "text") return refuse(state, "use_buttons");
  if (action.type === "toggle") {
    if (!question.options.some((option) => option.id === action.option))
      return refuse(state, "unknown_option");
    const pending: Pending = {
      questionId: question.id,
      kind: "selection",
      selected: toggleSelection(question, selected, action.option),
    };
    return { state: { ...state, pending }, removed: [] };
  }
  if (action.type !== "done") return refuse(state, "wrong_kind");
  if (selected.length === 0) return refuse(state, "nothing_selected");
  return completeOrSpecify(questionnaire, state, question, { kind: "choices", options: selected }, selected);
}

/** Options ticked so far: the pending selection, or the stored answer when the expert comes back to it. */
export function selectionOf(state: ResponseState, question: Question): string[] {
  if (state.pending?.questionId === question.id && state.pending.kind === "selection")
    return state.pending.selected;
  const stored = state.answers[question.id];
  return stored?.kind === "choices" ? stored.options : [];
}

/** Places given so far in a rank question that is being answered. */
export function rankingOf(state: ResponseState, question: Question): string[] {
  if (state.pending?.questionId === question.id && state.pending.kind === "ranking")
    return state.pending.order;
  return [];
}

function rank(questionnaire: Questionnaire, state: ResponseState, question: Question, action: FlowAction) {
  const order = rankingOf(state, question);
  const withOrder = (next: string[]): FlowStep => ({
    state: { ...state, pending: { questionId: question.id, kind: "ranking", order: next } },
    removed: [],
  });
  switch (action.type) {
    case "rank": {
      if (!question.options.some((option) => option.id === action.option))
        return refuse(state, "unknown_option");
      if (order.includes(action.option)) return refuse(state, "duplicate_option");
      const next = [...order, action.option];
      const left = question.options.filter((option) => !next.includes(option.id));
      if (left.length === 1)
        return complete(questionnaire, state, question, { kind: "rank", order: [...next, left[0]!.id] });
      return withOrder(next);
    }
    case "undo":
      return withOrder(order.slice(0, -1));
    case "done": {
      if (order.length > 0) return complete(questionnaire, state, question, { kind: "rank", order });
      return keepStored(questionnaire, state, question) ?? refuse(state, "nothing_selected");
    }
    case "text":
      return refuse(state, "use_buttons");
    default:
      return refuse(state, "wrong_kind");
  }
}

/** Integer and text questions: typed, kept with Done, or declined where the question allows it. */
function typeAnswer(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  action: FlowAction,
) {
  if (action.type === "done")
    return keepStored(questionnaire, state, question) ?? refuse(state, "type_answer");
  const declinable = question.type === "integer" ? question.preferNotToSay : question.optional;
  if (action.type === "decline" && declinable)
    return complete(questionnaire, state, question, { kind: "declined" });
  if (action.type !== "text") return refuse(state, "type_answer");
  const parsed: InputResult<AnswerValue> =
    question.type === "integer"
      ? mapInput(parseIntegerInput(question, action.text), (value) => ({ kind: "integer", value }))
      : mapInput(parseTextInput(question.maxLength ?? OTHER_TEXT_MAX_LENGTH, action.text), (value) => ({
          kind: "text",
          value,
        }));
  if (!parsed.ok) return refuse(state, parsed.problem);
  return complete(questionnaire, state, question, parsed.value);
}

function mapInput<T>(input: InputResult<T>, toAnswer: (value: T) => AnswerValue): InputResult<AnswerValue> {
  return input.ok ? { ok: true, value: toAnswer(input.value) } : input;
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

function completeOrSpecify(
  questionnaire: Questionnaire,
  state: ResponseState,
  question: Question,
  answer: AnswerValue,
  chosen: string[],
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
  const problem = checkAnswer(question, value);
  if (problem) return refuse(state, problem);
  const answers: Record<string, AnswerValue> = { ...state.answers, [question.id]: value };
  const flow = { anonymous: state.anonymous };
  const removed = inapplicableAnswers(questionnaire, answers, flow);
  for (const id of removed) delete answers[id];
  const following = state.reviewing
    ? firstUnanswered(questionnaire, answers, flow)
    : (nextQuestion(questionnaire, answers, question.id, flow) ??
      firstUnanswered(questionnaire, answers, flow));
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

function back(questionnaire: Questionnaire, state: ResponseState): FlowStep {
  const flow = { anonymous: state.anonymous };
  if (state.pending?.kind === "specify") return { state: { ...state, pending: null }, removed: [] };
  if (state.current === null) {
    const last = questionnaire.questions.filter((q) => q.id in state.answers).at(-1);
    return { state: { ...state, current: last?.id ?? null, pending: null }, removed: [] };
  }
  if (state.reviewing && firstUnanswered(questionnaire, state.answers, flow) === undefined) {
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
