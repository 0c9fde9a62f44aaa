import type { InputResult } from "../answer-input.ts";
import type { FlowAction, FlowMoves, FlowStep } from "../flow-types.ts";
import type { AnswerValue } from "../types.ts";

/**
 * The step of a typed answer: a message is parsed by the type, Done keeps the stored answer, and the decline
 * button counts where the question offers one.
 */
export function typedStep(
  moves: FlowMoves,
  action: FlowAction,
  declinable: boolean,
  parse: (text: string) => InputResult<AnswerValue>,
): FlowStep {
  if (action.type === "done") return moves.keepStored() ?? moves.refuse("type_answer");
  if (action.type === "decline" && declinable) return moves.complete({ kind: "declined" });
  if (action.type !== "text") return moves.refuse("type_answer");
  const parsed = parse(action.text);
  return parsed.ok ? moves.complete(parsed.value) : moves.refuse(parsed.problem);
}

/** The value of an accepted input as an answer. */
export function mapInput<T>(
  input: InputResult<T>,
  toAnswer: (value: T) => AnswerValue,
): InputResult<AnswerValue> {
  return input.ok ? { ok: true, value: toAnswer(input.value) } : input;
}
