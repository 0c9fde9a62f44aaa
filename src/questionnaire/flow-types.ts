import type { InputProblem } from "./answer-input.ts";
import type { Answers, AnswerValue, Question } from "./types.ts";

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

/**
 * The moves a question type's step can make, bound to the question on screen: a type decides what an action
 * means, the flow decides where the respondent goes next.
 */
export interface FlowMoves {
  readonly question: Question;
  readonly state: ResponseState;
  /** The input is refused: nothing changes. */
  refuse(problem: FlowProblem): FlowStep;
  /** Stores `answer` (once `checkAnswer` accepts it) and moves to the next question. */
  complete(answer: AnswerValue): FlowStep;
  /** As `complete`, but first asks for the "please specify" text when a chosen option needs one. */
  completeOrSpecify(answer: AnswerValue, chosen: readonly string[]): FlowStep;
  /** Done on a question answered before: the stored answer stands; undefined when there is none. */
  keepStored(): FlowStep | undefined;
  /** Moves to the next question and stores nothing: a question that takes no answer. */
  moveOn(): FlowStep;
  /** Keeps an answer that is still being built. */
  hold(pending: Pending): FlowStep;
}
