import { describe, expect, it } from "vitest";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction } from "../../../src/questionnaire/response-flow.ts";
import { education, educationQuestion, en, onQuestion, record, spssContext } from "./type-fixtures.ts";

const relevance = educationQuestion("access_relevance");
const discrimination = educationQuestion("discrimination");
const spec = QUESTION_TYPES.select_one;

describe("a select_one question", () => {
  it("is answered with one tap, marks the stored choice, and asks to specify an `other`", () => {
    const chosen = applyAction(education, onQuestion(relevance), { type: "choose", option: "very_relevant" });
    expect(chosen.saved?.value).toEqual({ kind: "choice", option: "very_relevant" });
    expect(spec.input(relevance, chosen.state)).toEqual({ kind: "single_choice", chosen: "very_relevant" });
    const other = applyAction(education, onQuestion(discrimination), { type: "choose", option: "other" });
    expect(other.saved).toBeUndefined();
    expect(other.state.pending).toMatchObject({ kind: "specify", questionId: "discrimination" });
    expect(applyAction(education, onQuestion(relevance), { type: "text", text: "yes" }).problem).toBe(
      "use_buttons",
    );
    expect(applyAction(education, onQuestion(relevance), { type: "choose", option: "nope" }).problem).toBe(
      "unknown_option",
    );
  });

  it("writes the option id, reads it back, refuses an unknown one", () => {
    expect(spec.answer?.encode({ kind: "choice", option: "none" })).toBe("none");
    expect(spec.answer?.decode(discrimination, "none")).toEqual({ kind: "choice", option: "none" });
    expect(spec.answer?.decode(discrimination, "nobody")).toBe(
      "unknown option id “nobody” for question “discrimination”",
    );
  });

  it("is one numeric SPSS variable coded by option position, described by its label", () => {
    const [variable] = spec.answer!.spssVariables(spssContext(discrimination));
    expect(variable?.value(record({ discrimination: { kind: "choice", option: "administration" } }))).toBe(3);
    expect(spec.answer?.howToFill(en, discrimination)).toBe("One option id.");
    expect(
      spec.answer?.describe({ kind: "choice", option: "other", other: "neighbours" }, (id) => `<${id}>`),
    ).toBe("<other> (neighbours)");
  });
});
