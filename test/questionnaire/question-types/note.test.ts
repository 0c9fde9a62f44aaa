import { describe, expect, it } from "vitest";
import { Translations } from "../../../src/i18n/translator.ts";
import { answerColumns } from "../../../src/interchange/interchange-columns.ts";
import { spssDictionary } from "../../../src/interchange/spss-variables.ts";
import { checkAnswer } from "../../../src/questionnaire/check-answer.ts";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction, firstToAnswer, startResponse } from "../../../src/questionnaire/response-flow.ts";
import { summariseQuestionnaire } from "../../../src/stats/summarise.ts";
import { fieldQuestion, fieldStudy } from "../../support/field-study.ts";

const intro = fieldQuestion("intro");

function onNote() {
  const state = startResponse(fieldStudy, true);
  return applyAction(fieldStudy, state, { type: "choose", option: "south" }).state;
}

describe("a note", () => {
  it("is shown with Continue only, and Continue moves on without storing anything", () => {
    const state = onNote();
    expect(state.current).toBe("intro");
    expect(QUESTION_TYPES.note.input(intro, state)).toEqual({ kind: "none" });
    const step = applyAction(fieldStudy, state, { type: "done" });
    expect(step.saved).toBeUndefined();
    expect(step.state.current).toBe("hours_per_week");
    expect(step.state.answers).not.toHaveProperty("intro");
  });

  it("refuses typed text and other buttons", () => {
    const state = onNote();
    expect(applyAction(fieldStudy, state, { type: "text", text: "ok" }).problem).toBe("use_buttons");
    expect(applyAction(fieldStudy, state, { type: "decline" }).problem).toBe("wrong_kind");
  });

  it("never waits for an answer: a response with every question answered is complete", () => {
    const answers = {
      district: { kind: "choice" as const, option: "north" },
      hours_per_week: { kind: "decimal" as const, value: 4 },
      comments: { kind: "declined" as const },
    };
    expect(firstToAnswer(fieldStudy, answers, { anonymous: true })).toBeUndefined();
  });

  it("has no answer to store, export or summarise", () => {
    expect(checkAnswer(intro, { kind: "text", value: "read" })).toBe("wrong_kind");
    expect(checkAnswer(intro, { kind: "declined" })).toBe("not_optional");
    expect(answerColumns(fieldStudy).map((column) => column.name)).toEqual([
      "district",
      "hours_per_week",
      "comments",
    ]);
    const t = Translations.load().forLanguage("en");
    const names = spssDictionary(t, fieldStudy, [1]).variables.map((variable) => variable.name);
    expect(names).not.toContain("intro");
    const summary = summariseQuestionnaire(fieldStudy, []);
    expect(summary.questions.map((question) => question.id)).toEqual([
      "district",
      "hours_per_week",
      "comments",
    ]);
  });
});
