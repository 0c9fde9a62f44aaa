import type { AnswerValue } from "../../src/questionnaire/types.ts";
import type { ResponseRecord } from "../../src/stats/summary-types.ts";

/**
 * `respondents` select_multiple answers with exactly `counts[i]` respondents choosing `optionIds[i]`. Those who
 * choose the exclusive option choose nothing else; the others each get at least one option (options are dealt
 * round-robin), so every respondent answered.
 */
export function choicesAnswers(
  optionIds: readonly string[],
  counts: readonly number[],
  respondents: number,
  exclusiveId?: string,
): AnswerValue[] {
  const exclusiveCount = exclusiveId === undefined ? 0 : counts[optionIds.indexOf(exclusiveId)]!;
  const dealt: string[][] = Array.from({ length: respondents - exclusiveCount }, () => []);
  let next = 0;
  optionIds.forEach((id, index) => {
    if (id === exclusiveId) return;
    for (let chosen = 0; chosen < counts[index]!; chosen += 1) {
      dealt[next % dealt.length]!.push(id);
      next += 1;
    }
  });
  if (dealt.some((options) => options.length === 0) || counts.some((count) => count > dealt.length)) {
    throw new Error("choicesAnswers: these counts cannot give every respondent an answer");
  }
  const exclusive = Array.from({ length: exclusiveCount }, () => [exclusiveId!]);
  return [...dealt, ...exclusive].map((options) => ({ kind: "choices", options }));
}

/** Response records of one wave, one per answers object. */
export function wave(number: number, answers: readonly Record<string, AnswerValue>[]): ResponseRecord[] {
  return answers.map((given, index) => ({
    respondentId: `w${number}-${index}`,
    wave: number,
    anonymous: false,
    answers: given,
  }));
}
