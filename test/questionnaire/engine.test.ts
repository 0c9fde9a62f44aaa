import { describe, expect, it } from "vitest";
import {
  inapplicableAnswers,
  isRelevant,
  meetsConstraint,
  nextQuestion,
  previousQuestion,
  progress,
  visibleQuestions,
} from "../../src/questionnaire/engine.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import { firstToAnswer } from "../../src/questionnaire/response-flow.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { formOf, workbook } from "./xlsform/form-tables.ts";

const healthcare = questionnaire("healthcare");
const education = questionnaire("education");
const named = { anonymous: false };
const anonymous = { anonymous: true };
const highRisk = (option: string): Answers => ({ high_risk_group: { kind: "choice", option } });

describe("next question", () => {
  it("starts a named expert with the identity block and an anonymous one with the profile", () => {
    expect(nextQuestion(education, {}, undefined, named)?.id).toBe("full_name");
    expect(nextQuestion(education, {}, undefined, anonymous)?.id).toBe("region");
  });

  it("asks about complications only after high_risk_group = yes", () => {
    expect(nextQuestion(healthcare, highRisk("yes"), "high_risk_group", anonymous)?.id).toBe(
      "high_risk_complications",
    );
    expect(nextQuestion(healthcare, highRisk("not_always"), "high_risk_group", anonymous)?.id).toBe(
      "e_documents_effect",
    );
    expect(previousQuestion(healthcare, highRisk("no"), "e_documents_effect", anonymous)?.id).toBe(
      "high_risk_group",
    );
  });

  it("ends after the last question", () => {
    expect(nextQuestion(education, {}, "recommendations", anonymous)).toBeUndefined();
  });

  it("goes back nowhere from the first question", () => {
    expect(previousQuestion(education, {}, "region", anonymous)).toBeUndefined();
  });
});

describe("visibility and progress", () => {
  it("counts the questions this expert is asked", () => {
    expect(visibleQuestions(healthcare, highRisk("no"), anonymous)).toHaveLength(24 - 4 - 1);
    expect(visibleQuestions(healthcare, highRisk("yes"), named)).toHaveLength(24);
    expect(progress(education, {}, "region", anonymous)).toEqual({ position: 1, total: 21 });
    expect(progress(education, {}, "access_relevance", named)).toEqual({ position: 10, total: 25 });
  });

  it("treats a condition without an answer as not met", () => {
    const complications = healthcare.questions.find((q) => q.id === "high_risk_complications")!;
    expect(isRelevant(complications, {})).toBe(false);
    expect(isRelevant(complications, highRisk("yes"))).toBe(true);
  });

  it("finds answers that stopped applying", () => {
    const answers: Answers = {
      ...highRisk("no"),
      high_risk_complications: { kind: "choices", options: ["anemia"] },
    };
    expect(inapplicableAnswers(healthcare, answers, anonymous)).toEqual(["high_risk_complications"]);
    expect(inapplicableAnswers(education, { full_name: { kind: "text", value: "A" } }, anonymous)).toEqual([
      "full_name",
    ]);
  });

  it("finds the first question still to answer", () => {
    expect(firstToAnswer(education, { region: { kind: "choice", option: "shymkent" } }, anonymous)?.id).toBe(
      "experience_years",
    );
  });
});

describe("typed answers in the form's expressions", () => {
  const shares = questionnaireFromForm(
    formOf(
      workbook(`
        | type    | name   | label::English (en) | constraint | relevant           |
        | decimal | share  | Share               | . != 50    |                    |
        | text    | reason | Why so high?        |            | \${share} > 50.5   |
      `),
    ).form,
    { otherLabel: { en: "Other" } },
  );
  const [share, reason] = shares.questions;

  it("read a decimal answer in a condition and in a constraint", () => {
    expect(isRelevant(reason!, { share: { kind: "decimal", value: 62.5 } })).toBe(true);
    expect(isRelevant(reason!, { share: { kind: "decimal", value: 12.5 } })).toBe(false);
    expect(meetsConstraint(share!, { kind: "decimal", value: 50 }, {})).toBe(false);
    expect(meetsConstraint(share!, { kind: "decimal", value: 49.5 }, {})).toBe(true);
  });
});
