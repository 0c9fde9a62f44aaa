import { describe, expect, it } from "vitest";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction } from "../../../src/questionnaire/response-flow.ts";
import { answersFromResponses } from "../../../src/stats/wave-answers.ts";
import { education, educationQuestion, onQuestion, record, spssContext } from "./type-fixtures.ts";

const ranking = educationQuestion("barriers_rank");
const spec = QUESTION_TYPES.rank;

describe("a rank question", () => {
  it("takes taps in order, undoes the last, and stores the order with Done", () => {
    let state = onQuestion(ranking);
    state = applyAction(education, state, { type: "rank", option: "language_barrier" }).state;
    state = applyAction(education, state, { type: "rank", option: "no_e_documents" }).state;
    state = applyAction(education, state, { type: "undo" }).state;
    expect(spec.input(ranking, state)).toMatchObject({
      kind: "ranking",
      hint: { key: "question.hint_rank_severity" },
      order: ["language_barrier"],
    });
    expect(applyAction(education, state, { type: "rank", option: "language_barrier" }).problem).toBe(
      "duplicate_option",
    );
    expect(applyAction(education, state, { type: "done" }).saved?.value).toEqual({
      kind: "rank",
      order: ["language_barrier"],
    });
  });

  it("is summarised as a generalised ranking with Kendall's W", () => {
    const order = ranking.options.map((option) => option.id);
    const waves = answersFromResponses(
      [order, order, [...order].reverse()].map((given, index) => ({
        respondentId: String(index),
        wave: 1,
        anonymous: true,
        answers: { barriers_rank: { kind: "rank" as const, order: given } },
      })),
      [],
    );
    const summary = spec.answer!.summary.summarise(ranking, waves);
    expect(summary.type).toBe("rank");
    expect(spec.answer?.summary.shape).toBe("ranking");
    expect(summary.waves["1"]).toMatchObject({ shown: 3, answered: 3 });
  });

  it("gives each option its place in SPSS and in words", () => {
    const variables = spec.answer!.spssVariables(spssContext(ranking));
    const given = record({ barriers_rank: { kind: "rank", order: ["language_barrier", "no_e_documents"] } });
    expect(variables.map((variable) => variable.value(given))).toEqual([2, null, null, 1, null, null, null]);
    expect(spec.answer?.describe({ kind: "rank", order: ["a", "b"] }, (id) => id.toUpperCase())).toBe(
      "1. A; 2. B",
    );
  });
});
