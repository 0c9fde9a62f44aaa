import { describe, expect, it } from "vitest";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction } from "../../../src/questionnaire/response-flow.ts";
import { education, educationQuestion, en, onQuestion, record, spssContext } from "./type-fixtures.ts";

const barriers = educationQuestion("barriers");
const spec = QUESTION_TYPES.select_multiple;

describe("a select_multiple question", () => {
  it("toggles options, shows the ticks, and stores them with Done", () => {
    const first = applyAction(education, onQuestion(barriers), {
      type: "toggle",
      option: "language_barrier",
    });
    const second = applyAction(education, first.state, { type: "toggle", option: "no_e_documents" });
    expect(spec.input(barriers, second.state)).toMatchObject({
      kind: "multiple_choice",
      selected: ["no_e_documents", "language_barrier"],
    });
    const done = applyAction(education, second.state, { type: "done" });
    expect(done.saved?.value).toEqual({ kind: "choices", options: ["no_e_documents", "language_barrier"] });
    expect(applyAction(education, onQuestion(barriers), { type: "done" }).problem).toBe("nothing_selected");
  });

  it("writes ids separated by spaces and refuses an exclusive option combined with others", () => {
    expect(spec.answer?.encode({ kind: "choices", options: ["a", "b"] })).toBe("a b");
    expect(spec.answer?.decode(barriers, "language_barrier, no_e_documents")).toEqual({
      kind: "choices",
      options: ["language_barrier", "no_e_documents"],
    });
    expect(spec.answer?.decode(barriers, "all_of_the_above language_barrier")).toBe(
      "exclusive option “all_of_the_above” is combined with others",
    );
  });

  it("is one 0/1 SPSS variable per option, marked as a dichotomy set", () => {
    const variables = spec.answer!.spssVariables(spssContext(barriers));
    expect(variables).toHaveLength(barriers.options.length);
    expect(variables.every((variable) => variable.dichotomy)).toBe(true);
    const given = record({ barriers: { kind: "choices", options: ["language_barrier"] } });
    expect(variables.map((variable) => variable.value(given)).filter((value) => value === 1)).toHaveLength(1);
    expect(spec.answer?.howToFill(en, barriers)).toBe("One or more option ids separated by spaces.");
  });
});
