import { type Expression, parseExpression, referencedColumns, referencedQuestions } from "./expression.ts";
import type { FormProblem } from "./form.ts";
import type { SheetColumn } from "./sheet-columns.ts";

/** A name of the survey sheet: the row it is declared on and whether it is a group. */
export interface DeclaredName {
  row: number;
  group: boolean;
}

/** What an expression cell may refer to. */
export interface ExpressionScope {
  sheet: string;
  row: number;
  /** The row's own name: a constraint may refer to it, a relevant may not. */
  name: string;
  names: ReadonlyMap<string, DeclaredName>;
  problems: FormProblem[];
  /** The columns a choice_filter may name; absent for other expressions. */
  choiceColumns?: readonly string[];
}

/**
 * Parses the expression in a survey cell and checks what it refers to: questions of the form declared on
 * an earlier row (or, for a constraint, the question itself), and for a choice_filter, columns of the choices
 * sheet. Undefined for an empty cell or when there are problems, which are added to the scope's.
 */
export function readExpressionCell(
  cells: readonly string[],
  column: SheetColumn | undefined,
  scope: ExpressionScope,
  mayReferToItself: boolean,
): Expression | undefined {
  const text = column ? (cells[column.index] ?? "").trim() : "";
  if (!column || text === "") return undefined;
  const place = { sheet: scope.sheet, row: scope.row, column: column.header };
  const parsed = parseExpression(text, { choiceColumns: scope.choiceColumns !== undefined });
  if (!parsed.ok) {
    scope.problems.push({
      ...place,
      message: `${parsed.error.message} (character ${parsed.error.position})`,
    });
    return undefined;
  }
  const before = scope.problems.length;
  for (const name of referencedQuestions(parsed.expression)) {
    const problem = referenceProblem(name, scope, mayReferToItself);
    if (problem) scope.problems.push({ ...place, message: problem });
  }
  for (const name of referencedColumns(parsed.expression)) {
    if (!scope.choiceColumns?.includes(name)) {
      scope.problems.push({ ...place, message: `the choices sheet has no column “${name}”` });
    }
  }
  return scope.problems.length === before ? parsed.expression : undefined;
}

function referenceProblem(
  name: string,
  scope: ExpressionScope,
  mayReferToItself: boolean,
): string | undefined {
  const declared = scope.names.get(name);
  if (!declared) return `\${${name}} is not a question of this form`;
  if (declared.group) return `\${${name}} is a group, not a question`;
  if (name === scope.name) return mayReferToItself ? undefined : `\${${name}} is this question itself`;
  if (declared.row > scope.row) return `\${${name}} comes after this question (row ${declared.row})`;
  return undefined;
}
