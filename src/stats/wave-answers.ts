import { isRelevant } from "../questionnaire/engine.ts";
import type { AnswerValue, Question } from "../questionnaire/types.ts";
import { referencedQuestions } from "../questionnaire/xlsform/expression.ts";
import type { ResponseRecord } from "./summarise.ts";

/** An answer and how many respondents gave it. */
export interface CountedAnswer {
  value: AnswerValue;
  count: number;
}

/** The answers to one question in one wave: how many respondents were shown it, and what they gave. */
export interface QuestionAnswers {
  shown: number;
  /** The answers given (declined ones included), each with how many respondents gave it. */
  given: CountedAnswer[];
}

/** One wave's submitted answers, as the summary reads them. */
export interface WaveAnswers {
  wave: number;
  respondents: number;
  of(question: Question): QuestionAnswers;
}

/** How many submitted responses of a wave gave each distinct answer to each question. */
export interface WaveTally {
  wave: number;
  respondents: number;
  /** Question id → each distinct answer with the number of respondents who gave it. */
  answers: ReadonlyMap<string, readonly CountedAnswer[]>;
}

/** The waves of individual responses, e.g. as the tests build them. */
export function answersFromResponses(
  responses: readonly ResponseRecord[],
  knownWaves: readonly number[],
): WaveAnswers[] {
  return allWaves(
    knownWaves,
    responses.map((response) => response.wave),
  ).map((wave) => {
    const inWave = responses.filter((response) => response.wave === wave).map((response) => response.answers);
    return {
      wave,
      respondents: inWave.length,
      of(question) {
        const shown = inWave.filter((answers) => isRelevant(question, answers));
        const given = shown
          .flatMap((answers) => answers[question.id] ?? [])
          .map((value) => ({ value, count: 1 }));
        return { shown: shown.length, given };
      },
    };
  });
}

/**
 * The waves of tallied answers, as the database keeps them up to date. A conditional question was shown to
 * the respondents whose answer to its condition question meets the condition — a count the tally holds.
 */
export function answersFromTallies(
  tallies: readonly WaveTally[],
  knownWaves: readonly number[],
): WaveAnswers[] {
  const byWave = new Map(tallies.map((tally) => [tally.wave, tally]));
  return allWaves(knownWaves, [...byWave.keys()]).map((wave) => {
    const tally: WaveTally = byWave.get(wave) ?? { wave, respondents: 0, answers: new Map() };
    return {
      wave,
      respondents: tally.respondents,
      of(question) {
        const given = [...(tally.answers.get(question.id) ?? [])];
        return { shown: shownFromTally(question, tally, given), given };
      },
    };
  });
}

/**
 * How many respondents were asked `question`. A tally keeps each question's answers apart, so a condition on
 * one question is counted exactly; a condition joining several can only be counted from whole responses, and
 * there the respondents who answered it stand for those who were asked.
 */
function shownFromTally(question: Question, tally: WaveTally, given: readonly CountedAnswer[]): number {
  if (!question.relevant) return tally.respondents;
  const [controlling, ...more] = referencedQuestions(question.relevant);
  if (controlling === undefined || more.length > 0) return given.reduce((sum, { count }) => sum + count, 0);
  return (tally.answers.get(controlling) ?? [])
    .filter(({ value }) => isRelevant(question, { [controlling]: value }))
    .reduce((sum, { count }) => sum + count, 0);
}

function allWaves(known: readonly number[], present: readonly number[]): number[] {
  return [...new Set([...known, ...present])].sort((a, b) => a - b);
}
