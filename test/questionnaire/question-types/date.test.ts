import { describe, expect, it } from "vitest";
import { LANGUAGES, Translations } from "../../../src/i18n/translator.ts";
import { checkAnswer } from "../../../src/questionnaire/check-answer.ts";
import { questionnaireFromForm } from "../../../src/questionnaire/from-xlsform.ts";
import { parseDateInput } from "../../../src/questionnaire/question-types/date.ts";
import { QUESTION_TYPES } from "../../../src/questionnaire/question-types/registry.ts";
import { applyAction, startResponse } from "../../../src/questionnaire/response-flow.ts";
import { summariseQuestionnaire } from "../../../src/stats/summarise.ts";
import { scriptedDraw } from "../../support/scripted-answers.ts";
import { formOf, workbook } from "../xlsform/form-tables.ts";
import { record, spssContext } from "./type-fixtures.ts";

const translations = Translations.load();
const en = translations.forLanguage("en");
const arrivals = questionnaireFromForm(
  formOf(
    workbook(`
      | type | name    | label::English (en)      | required |
      | date | arrived | When did you arrive?     | yes      |
      | date | left    | When did you leave, if so? |        |
    `),
  ).form,
  { otherLabel: { en: "Other" } },
);
const [arrived, left] = arrivals.questions;
const spec = QUESTION_TYPES.date.answer;

describe("a date question", () => {
  it("is read from a form's `date` type", () => {
    expect(arrived).toMatchObject({ id: "arrived", type: "date", optional: false });
  });

  it("takes a date typed as YYYY-MM-DD or DD.MM.YYYY and stores it as ISO text", () => {
    expect(parseDateInput("2026-03-08")).toEqual({ ok: true, value: "2026-03-08" });
    expect(parseDateInput(" 8.3.2026 ")).toEqual({ ok: true, value: "2026-03-08" });
    expect(parseDateInput("29.02.2024")).toEqual({ ok: true, value: "2024-02-29" });
  });

  it("refuses what is not a date, and a day the calendar lacks", () => {
    for (const text of ["tomorrow", "", "2026-3-8", "08/03/2026", "30.02.2026", "2025-02-29", "2026-13-01"]) {
      expect(parseDateInput(text)).toEqual({ ok: false, problem: "not_a_date" });
    }
  });

  it("is answered by a typed message, refused with its own problem, skipped when optional", () => {
    const state = startResponse(arrivals, true);
    expect(state.current).toBe("arrived");
    expect(applyAction(arrivals, state, { type: "text", text: "8.03.2026" }).saved).toEqual({
      questionId: "arrived",
      value: { kind: "date", value: "2026-03-08" },
    });
    expect(applyAction(arrivals, state, { type: "text", text: "yesterday" }).problem).toBe("not_a_date");
    expect(applyAction(arrivals, state, { type: "decline" }).problem).toBe("type_answer");
    const onLeft = { ...state, current: "left" };
    expect(applyAction(arrivals, onLeft, { type: "decline" }).saved?.value).toEqual({ kind: "declined" });
    expect(QUESTION_TYPES.date.input(left!, onLeft)).toEqual({
      kind: "typed",
      hint: { key: "question.hint_date" },
      decline: { key: "buttons.skip" },
    });
  });

  it("passes checkAnswer only as an ISO date", () => {
    expect(checkAnswer(arrived!, { kind: "date", value: "2026-03-08" })).toBeUndefined();
    expect(checkAnswer(arrived!, { kind: "date", value: "08.03.2026" })).toBe("not_a_date");
    expect(checkAnswer(arrived!, { kind: "date", value: "2026-02-30" })).toBe("not_a_date");
    expect(checkAnswer(arrived!, { kind: "text", value: "2026-03-08" })).toBe("wrong_kind");
  });

  it("writes its cell as ISO text and reads either form back", () => {
    expect(spec?.encode({ kind: "date", value: "2026-03-08" })).toBe("2026-03-08");
    expect(spec?.decode(arrived!, "08.03.2026")).toEqual({ kind: "date", value: "2026-03-08" });
    expect(spec?.decode(arrived!, "March")).toBe("not a date: “March” (write YYYY-MM-DD)");
    const [variable] = spec!.spssVariables(spssContext(left!));
    expect(variable).toMatchObject({ type: "string", missing: "declined" });
    expect(variable?.value(record({ left: { kind: "date", value: "2026-03-08" } }))).toBe("2026-03-08");
  });

  it("is summarised as the dates answered in each wave, declined ones left out", () => {
    const summary = summariseQuestionnaire(
      arrivals,
      ["2026-03-08", "2025-12-31", undefined].map((value, index) => ({
        respondentId: String(index),
        wave: 1,
        anonymous: true,
        answers: {
          arrived: { kind: "date", value: "2026-01-15" },
          left: value ? { kind: "date", value } : { kind: "declined" },
        },
      })),
    );
    expect(summary.questions.find((question) => question.id === "left")).toEqual({
      id: "left",
      type: "date",
      waves: { "1": { shown: 3, answered: 2, texts: ["2026-03-08", "2025-12-31"] } },
    });
  });

  it("gives samples that pass its own check", () => {
    for (const day of [0, 1000, 3652]) {
      const sample = spec!.sample(arrived!, { ...scriptedDraw(arrived!), integer: () => day });
      expect(checkAnswer(arrived!, sample)).toBeUndefined();
    }
  });

  it("has its hint, problem and codebook line in Kazakh, Russian and English", () => {
    for (const language of LANGUAGES) {
      const t = translations.forLanguage(language);
      for (const key of ["question.hint_date", "problems.not_a_date", "interchange:codebook.how.date"]) {
        expect(t(key)).not.toBe(key.replace("interchange:", ""));
        expect(t(key)).toMatch(/2026/);
      }
    }
    expect(spec?.howToFill(en, arrived!)).toBe("A date as YYYY-MM-DD (2026-03-08); DD.MM.YYYY is read too.");
  });
});
