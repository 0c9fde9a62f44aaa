import { describe, expect, it } from "vitest";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction } from "../../../src/questionnaire/response-flow.ts";
import { education, educationQuestion, en, onQuestion, record, spssContext } from "./type-fixtures.ts";

const recommendations = educationQuestion("recommendations");
const spec = QUESTION_TYPES.text;

describe("a text question", () => {
  it("takes one typed message, or Skip when optional", () => {
    const state = onQuestion(recommendations);
    expect(applyAction(education, state, { type: "text", text: "  More classes. " }).saved?.value).toEqual({
      kind: "text",
      value: "More classes.",
    });
    expect(applyAction(education, state, { type: "text", text: "   " }).problem).toBe("empty");
    expect(applyAction(education, state, { type: "decline" }).saved?.value).toEqual({ kind: "declined" });
    expect(spec.input(recommendations, state)).toEqual({
      kind: "typed",
      hint: { key: "question.hint_text_optional" },
      decline: { key: "buttons.skip" },
    });
  });

  it("refuses a cell over the length limit and writes `declined` in SPSS for a skipped one", () => {
    expect(spec.answer?.decode(recommendations, "x".repeat(2001))).toBe(
      "text is over its length limit of 2000 characters (it has 2001)",
    );
    const [variable] = spec.answer!.spssVariables(spssContext(recommendations));
    expect(variable).toMatchObject({ type: "string", missing: "declined" });
    expect(variable?.value(record({ recommendations: { kind: "declined" } }))).toBe("declined");
    expect(spec.answer?.howToFill(en, recommendations)).toBe("Text of up to 2000 characters.");
  });
});
