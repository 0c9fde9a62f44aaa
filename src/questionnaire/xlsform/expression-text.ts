import type { Expression } from "./expression.ts";

/** How tightly an operator binds, so that the text needs brackets only where the reading would change. */
const BINDING: Readonly<Record<string, number>> = { or: 1, and: 2, compare: 3 };

/**
 * An expression written back as a form would write it, e.g. for the codebook's "asked only when" and the
 * import's messages.
 *
 * @example
 * expressionText(parsed); // "selected(${region}, 'other') and ${experience_years} > 5"
 */
export function expressionText(expression: Expression): string {
  switch (expression.kind) {
    case "reference":
      return `\${${expression.name}}`;
    case "self":
      return ".";
    case "column":
      return expression.name;
    case "string":
      return `'${expression.value}'`;
    case "number":
      return String(expression.value);
    case "compare":
      return `${operand(expression.left, "compare")} ${expression.operator} ${operand(expression.right, "compare")}`;
    case "and":
    case "or":
      return `${operand(expression.left, expression.kind)} ${expression.kind} ${operand(expression.right, expression.kind)}`;
    case "not":
      return `not(${expressionText(expression.operand)})`;
    case "selected":
      return `selected(${expressionText(expression.answer)}, ${expressionText(expression.option)})`;
    case "count-selected":
      return `count-selected(${expressionText(expression.answer)})`;
  }
}

function operand(expression: Expression, around: string): string {
  const text = expressionText(expression);
  const inner = BINDING[expression.kind];
  return inner !== undefined && inner < BINDING[around]! ? `(${text})` : text;
}
