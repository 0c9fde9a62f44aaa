// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm itself writes a reference to a question as ${name}
import { describe, expect, it } from "vitest";
import {
  type EvaluationContext,
  type Expression,
  isTrue,
  parseExpression,
  referencedQuestions,
} from "../../../src/questionnaire/xlsform/expression.ts";

function parsed(text: string): Expression {
  const result = parseExpression(text, { choiceColumns: true });
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.expression;
}

const answers: EvaluationContext["answers"] = {
  region: "almaty",
  barriers: ["language", "cost"],
  experience: 12,
  score: 2.5,
  comment: "Тіл курстары",
};

function holds(text: string, context: Partial<EvaluationContext> = {}): boolean {
  return isTrue(parsed(text), { answers, ...context });
}

describe("XLSForm expressions", () => {
  it.each([
    ["${region} = 'almaty'", true],
    ['${region} = "shymkent"', false],
    ["${region} != 'shymkent'", true],
    ["${experience} > 10", true],
    ["${experience} >= 12", true],
    ["${experience} < 12", false],
    ["${experience} <= 11", false],
    ["${score} = 2.5", true],
    ["${score} > -1", true],
    ["${experience} = '12'", true],
    ["${comment} = 'Тіл курстары'", true],
  ])("compare answers with literals: %s is %s", (text, expected) => {
    expect(holds(text)).toBe(expected);
  });

  it.each([
    ["${region} = 'almaty' and ${experience} > 20", false],
    ["${region} = 'almaty' or ${experience} > 20", true],
    ["not(${region} = 'almaty')", false],
    ["not(${region} = 'almaty' and ${experience} > 20)", true],
    ["${region} = 'x' or ${region} = 'y' and ${experience} > 0", false],
    ["(${region} = 'almaty' or ${region} = 'x') and ${experience} > 0", true],
  ])("combine conditions with and, or, not and parentheses: %s is %s", (text, expected) => {
    expect(holds(text)).toBe(expected);
  });

  it.each([
    ["selected(${barriers}, 'language')", true],
    ["selected(${barriers}, 'distance')", false],
    ["selected(${region}, 'almaty')", true],
    ["count-selected(${barriers}) = 2", true],
    ["count-selected(${barriers}) >= 3", false],
    ["count-selected(${region}) = 1", true],
  ])("tell the options of a select question: %s is %s", (text, expected) => {
    expect(holds(text)).toBe(expected);
  });

  it("take a missing answer as empty: not equal to a value, no option selected, no number", () => {
    expect(holds("${missing} = ''")).toBe(true);
    expect(holds("${missing} = 'almaty'")).toBe(false);
    expect(holds("selected(${missing}, 'language')")).toBe(false);
    expect(holds("count-selected(${missing}) = 0")).toBe(true);
    expect(holds("${missing} > 0")).toBe(false);
    expect(holds("${missing} < 0")).toBe(false);
    expect(holds("${missing}")).toBe(false);
  });

  it("read `.` as the answer a constraint checks, and bare names as the choice row of a choice_filter", () => {
    expect(holds(". >= 0 and . <= 60", { self: 45 })).toBe(true);
    expect(holds(". >= 0 and . <= 60", { self: 61 })).toBe(false);
    expect(holds("count-selected(.) <= 3", { self: ["a", "b", "c", "d"] })).toBe(false);
    expect(holds("country = ${region}", { choice: { country: "almaty" } })).toBe(true);
    expect(holds("country = ${region}", { choice: { country: "astana" } })).toBe(false);
  });

  it("list the questions an expression refers to, each once, in order", () => {
    expect(
      referencedQuestions(parsed("selected(${b}, 'x') and (${a} > 1 or not(${b} = 'y')) and . != ''")),
    ).toEqual(["b", "a"]);
    expect(referencedQuestions(parsed("1 = 1"))).toEqual([]);
  });

  it.each([
    ["today() > 3", 1, "unknown function today()"],
    ["${a} = 1 and concat(${a}, 'x')", 14, "unknown function concat()"],
    ["(${a} = 1", 1, "this parenthesis is never closed"],
    ["${a} = 1)", 9, "unexpected “)”"],
    ["not(${a} = 1", 4, "this parenthesis is never closed"],
    ["${a} + 1", 6, "unexpected “+”"],
    ["${a} = 'almaty", 8, "the text starting here has no closing '"],
    ["${a b} = 1", 1, "a reference is written ${question_name}"],
    ["${a} =", 7, "the expression ends too early"],
    ["selected(${a})", 1, "selected() takes 2 arguments, not 1"],
    ["region = 'x'", 1, "unexpected “region”; a question is referred to as ${region}"],
    ["${a} = 1 and and", 14, "unexpected “and”"],
  ])("refuse %s at character %i: %s", (text, position, message) => {
    expect(parseExpression(text)).toEqual({ ok: false, error: { position, message } });
  });
});
