import type { Question } from "../questionnaire/types.ts";
import type { QuestionAnswers, WaveAnswers } from "./wave-answers.ts";

/** `summarise` applied to one question's answers in every wave, keyed by wave number as a string. */
export function perWave<T>(
  question: Question,
  waves: readonly WaveAnswers[],
  summarise: (answers: QuestionAnswers) => T,
): [string, T][] {
  return waves.map((wave) => [String(wave.wave), summarise(wave.of(question))]);
}

/** The values of the wave before the last and of the last; undefined with fewer than two waves. */
export function lastTwoWaves<T>(waves: readonly [string, T][]): [T, T] | undefined {
  const earlier = waves.at(-2);
  const later = waves.at(-1);
  return earlier && later ? [earlier[1], later[1]] : undefined;
}
