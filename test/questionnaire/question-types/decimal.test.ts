import { describe, expect, it } from "vitest";
import { Translations } from "../../../src/i18n/translator.ts";
import { checkAnswer } from "../../../src/questionnaire/check-answer.ts";
import { parseDecimalInput } from "../../../src/questionnaire/question-types/decimal.ts";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction, startResponse } from "../../../src/questionnaire/response-flow.ts";
import { answersFromResponses } from "../../../src/stats/wave-answers.ts";
import { fieldQuestion, fieldStudy } from "../../support/field-study.ts";

const hours = fieldQuestion("hours_per_week");
const spec = QUESTION_TYPES.decimal.answer;
const en = Translations.load().forLanguage("en");

function onHours() {
  let state = startResponse(fieldStudy, true);
  state = applyAction(fieldStudy, state, { type: "choose", option: "north" }).state;
  return applyAction(fieldStudy, state, { type: "done" }).state;
}

describe("a decimal question", () => {
  it("reads a decimal comma and a decimal point alike", () => {
    expect(parseDecimalInput(hours, "3,5")).toEqual({ ok: true, value: 3.5 });
    expect(parseDecimalInput(hours, " 3.5 ")).toEqual({ ok: true, value: 3.5 });
    expect(parseDecimalInput(hours, "12")).toEqual({ ok: true, value: 12 });
    expect(parseDecimalInput(hours, ",5")).toEqual({ ok: true, value: 0.5 });
  });

  it("refuses what is not a number, and a number out of range", () => {
    for (const text of ["three", "3,5,1", "3.5.1", "", "1e3", "3 5"]) {
      expect(parseDecimalInput(hours, text)).toEqual({ ok: false, problem: "not_a_decimal" });
    }
    expect(parseDecimalInput(hours, "80,5")).toEqual({ ok: false, problem: "out_of_range" });
    expect(parseDecimalInput(hours, "-0,1")).toEqual({ ok: false, problem: "out_of_range" });
  });

  it("stores a typed answer as a decimal, and declines with prefer-not-to-say", () => {
    const state = onHours();
    expect(state.current).toBe("hours_per_week");
    expect(applyAction(fieldStudy, state, { type: "text", text: "37,5" }).saved).toEqual({
      questionId: "hours_per_week",
      value: { kind: "decimal", value: 37.5 },
    });
    expect(applyAction(fieldStudy, state, { type: "text", text: "a lot" }).problem).toBe("not_a_decimal");
    expect(applyAction(fieldStudy, state, { type: "decline" }).saved?.value).toEqual({ kind: "declined" });
  });

  it("passes checkAnswer only as a decimal in range", () => {
    expect(checkAnswer(hours, { kind: "decimal", value: 2.25 })).toBeUndefined();
    expect(checkAnswer(hours, { kind: "decimal", value: 81 })).toBe("out_of_range");
    expect(checkAnswer(hours, { kind: "decimal", value: Number.NaN })).toBe("out_of_range");
    expect(checkAnswer(hours, { kind: "integer", value: 3 })).toBe("wrong_kind");
  });

  it("writes and reads its cell, with the point", () => {
    expect(spec?.encode({ kind: "decimal", value: 3.5 })).toBe(3.5);
    expect(spec?.decode(hours, "3,5")).toEqual({ kind: "decimal", value: 3.5 });
    expect(spec?.decode(hours, "lots")).toBe("not a number: “lots”");
    expect(spec?.decode(hours, "99")).toBe("value 99 is out of range 0–80");
  });

  it("is summarised by mean, median, minimum and maximum, declined answers left out", () => {
    const answers = [1.5, 2.5, 4].map((value) => ({ hours_per_week: { kind: "decimal" as const, value } }));
    const waves = answersFromResponses(
      [...answers, { hours_per_week: { kind: "declined" as const } }].map((given, index) => ({
        respondentId: String(index),
        wave: 1,
        anonymous: true,
        answers: given,
      })),
      [],
    );
    expect(spec?.summary.summarise(hours, waves)).toEqual({
      id: "hours_per_week",
      type: "decimal",
      waves: { "1": { shown: 4, answered: 3, mean: 8 / 3, median: 2.5, min: 1.5, max: 4 } },
    });
  });

  it("says how to fill it in and hints at the comma", () => {
    expect(spec?.howToFill(en, hours)).toBe("A number from 0 to 80, with a decimal point if needed (3.5).");
    const input = QUESTION_TYPES.decimal.input(hours, onHours());
    expect(input).toMatchObject({ kind: "typed", decline: { key: "buttons.prefer_not_to_say" } });
    expect(input.kind === "typed" && en(input.hint.key, input.hint.values)).toBe(
      "Type a number from 0 to 80; a decimal point or comma is fine, for example 3.5.",
    );
  });
});
