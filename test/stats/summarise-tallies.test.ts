import { describe, expect, it } from "vitest";
import { isRelevant } from "../../src/questionnaire/engine.ts";
import type { AnswerValue, Questionnaire } from "../../src/questionnaire/types.ts";
import { summariseQuestionnaire, summariseTallies } from "../../src/stats/summarise.ts";
import type { ResponseRecord } from "../../src/stats/summary-types.ts";
import type { WaveTally } from "../../src/stats/wave-answers.ts";
import { questionnaire } from "../support/questionnaires.ts";

/** Deterministic pseudo-random responses covering every question type, conditions and partial rankings. */
function responses(q: Questionnaire, count: number, seed: number): ResponseRecord[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, (_, index) => {
    const answers: Record<string, AnswerValue> = {};
    for (const question of q.questions) {
      if (question.section === "identity" || next(10) === 0) continue;
      // Stored responses never hold an answer whose condition does not hold: the flow and the import drop them.
      if (!isRelevant(question, answers)) continue;
      const ids = question.options.map((option) => option.id);
      if (question.type === "select_one")
        answers[question.id] = { kind: "choice", option: ids[next(ids.length)]! };
      if (question.type === "select_multiple") {
        answers[question.id] = { kind: "choices", options: ids.filter(() => next(3) === 0).slice(0, 3) };
        if ((answers[question.id] as { options: string[] }).options.length === 0) delete answers[question.id];
      }
      if (question.type === "rank")
        answers[question.id] = { kind: "rank", order: ids.filter(() => next(2) === 0) };
      if (question.type === "integer") answers[question.id] = { kind: "integer", value: next(41) };
      if (question.type === "text") answers[question.id] = { kind: "text", value: `text ${next(5)}` };
    }
    return { respondentId: String(index), wave: 1 + next(2), anonymous: next(2) === 0, answers };
  });
}

/** What the database's tally table holds for these responses. */
function tally(records: readonly ResponseRecord[]): WaveTally[] {
  const waves = new Map<number, { respondents: number; counts: Map<string, Map<string, number>> }>();
  for (const record of records) {
    const wave = waves.get(record.wave) ?? { respondents: 0, counts: new Map() };
    wave.respondents += 1;
    for (const [questionId, value] of Object.entries(record.answers)) {
      const byValue = wave.counts.get(questionId) ?? new Map<string, number>();
      const key = JSON.stringify(value);
      byValue.set(key, (byValue.get(key) ?? 0) + 1);
      wave.counts.set(questionId, byValue);
    }
    waves.set(record.wave, wave);
  }
  return [...waves].map(([wave, { respondents, counts }]) => ({
    wave,
    respondents,
    answers: new Map(
      [...counts].map(([questionId, byValue]) => [
        questionId,
        [...byValue].map(([value, count]) => ({ value: JSON.parse(value) as AnswerValue, count })),
      ]),
    ),
  }));
}

describe("a summary from tallies of distinct answers", () => {
  it.each(["education", "healthcare"] as const)("equals the summary from individual %s responses", (id) => {
    const q = questionnaire(id);
    const records = responses(q, 300, 7);
    const fromTallies = summariseTallies(q, tally(records), [1, 2, 3]);
    const fromRecords = summariseQuestionnaire(q, records, [1, 2, 3]);
    const sortTexts = (summary: unknown) =>
      JSON.parse(JSON.stringify(summary), (key, value) =>
        key === "texts" || key === "other" ? [...value].sort() : value,
      );
    expect(sortTexts(fromTallies)).toEqual(sortTexts(fromRecords));
    expect(fromTallies.respondents["3"]).toBe(0);
  });
});
