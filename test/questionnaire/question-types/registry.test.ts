import { describe, expect, it } from "vitest";
import type { QuestionTypeSpec } from "../../../src/questionnaire/question-types/question-type-spec.ts";
import { QUESTION_TYPES, questionType } from "../../../src/questionnaire/question-types/registry.ts";
import { selectOne } from "../../../src/questionnaire/question-types/select-one.ts";
import type { QuestionType } from "../../../src/questionnaire/types.ts";
import { surveyRowType } from "../../../src/questionnaire/xlsform/survey-type.ts";
import { fieldQuestion } from "../../support/field-study.ts";

// Checked by `npm run typecheck`: a registry that leaves a type out does not compile, nor a spec without its step.
// @ts-expect-error the other types are missing
const incomplete = { select_one: selectOne } satisfies Record<QuestionType, QuestionTypeSpec>;
// @ts-expect-error a spec needs every part
const partial: QuestionTypeSpec = { input: selectOne.input, answer: null };

describe("the question type registry", () => {
  it("gives every question the spec of its type", () => {
    expect(questionType(fieldQuestion("hours_per_week"))).toBe(QUESTION_TYPES.decimal);
    expect(questionType(fieldQuestion("intro"))).toBe(QUESTION_TYPES.note);
  });

  it("is where the form reader learns the types, and whether a choice list and or_other follow them", () => {
    for (const [type, spec] of Object.entries(QUESTION_TYPES)) {
      const written = spec.choiceList === "none" ? type : `${type} list`;
      expect(surveyRowType(written)).toEqual({
        kind: "question",
        type,
        orOther: false,
        ...(spec.choiceList === "none" ? {} : { listName: "list" }),
      });
      expect(surveyRowType(`${written} or_other`).kind).toBe(
        spec.choiceList === "list_or_other" ? "question" : "refused",
      );
    }
  });

  it("keeps the incomplete registry and spec above for the type checker only", () => {
    expect(Object.keys(incomplete)).toEqual(["select_one"]);
    expect(partial.answer).toBeNull();
  });

  it("gives a spec for the answer to every type but the note", () => {
    const withoutAnswer = Object.entries(QUESTION_TYPES)
      .filter(([, spec]) => spec.answer === null)
      .map(([type]) => type);
    expect(withoutAnswer).toEqual(["note"]);
  });
});
