import { describe, expect, it } from "vitest";
import { parseIntegerInput } from "../../../src/questionnaire/question-types/integer.ts";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction } from "../../../src/questionnaire/response-flow.ts";
import { education, educationQuestion, en, onQuestion, record, spssContext } from "./type-fixtures.ts";

const years = educationQuestion("experience_years");
const spec = QUESTION_TYPES.integer;

describe("an integer question", () => {
  it("takes a typed whole number in range, or prefer-not-to-say", () => {
    const state = onQuestion(years);
    expect(applyAction(education, state, { type: "text", text: " 12 " }).saved?.value).toEqual({
      kind: "integer",
      value: 12,
    });
    expect(applyAction(education, state, { type: "text", text: "3,5" }).problem).toBe("not_a_number");
    expect(applyAction(education, state, { type: "text", text: "61" }).problem).toBe("out_of_range");
    expect(applyAction(education, state, { type: "decline" }).saved?.value).toEqual({ kind: "declined" });
    expect(spec.input(years, state)).toMatchObject({
      kind: "typed",
      decline: { key: "buttons.prefer_not_to_say" },
    });
  });

  it("reads its cell back and says what is wrong with a bad one", () => {
    expect(spec.answer?.decode(years, "7")).toEqual({ kind: "integer", value: 7 });
    expect(spec.answer?.decode(years, "7.5")).toBe("not a whole number: “7.5”");
    expect(spec.answer?.decode(years, "99")).toBe("value 99 is out of range 0–60");
    expect(spec.answer?.howToFill(en, years)).toBe("A whole number from 0 to 60.");
  });

  it("is a scale variable in SPSS with the declined code", () => {
    const [variable] = spec.answer!.spssVariables(spssContext(years));
    expect(variable).toMatchObject({ level: "scale", missing: -99 });
    expect(variable?.value(record({ experience_years: { kind: "integer", value: 9 } }))).toBe(9);
    expect(variable?.value(record({ experience_years: { kind: "declined" } }))).toBe(-99);
  });
});

describe("typed numbers", () => {
  it("accept a whole number in range, with spaces around", () => {
    expect(parseIntegerInput(years, " 12 ")).toEqual({ ok: true, value: 12 });
    expect(parseIntegerInput(years, "0")).toEqual({ ok: true, value: 0 });
  });

  it("refuse words, fractions and numbers out of range", () => {
    expect(parseIntegerInput(years, "twelve")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseIntegerInput(years, "2.5")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseIntegerInput(years, "61")).toEqual({ ok: false, problem: "out_of_range" });
    expect(parseIntegerInput(years, "-1")).toEqual({ ok: false, problem: "out_of_range" });
  });
});
