import { isName } from "./expression.ts";
import { type DeclaredName, type ExpressionScope, readExpressionCell } from "./expression-cell.ts";
import type { FormChoice, FormGroup, FormQuestion, FormSection } from "./form.ts";
import { completeTexts, type TextPlace } from "./language-fallback.ts";
import { readParameters } from "./question-parameters.ts";
import { cellOf, plainHeader, textsOf } from "./sheet-columns.ts";
import { surveyRowType } from "./survey-type.ts";
import { readYesNo } from "./yes-no.ts";

export const SURVEY = "survey";

/** Columns whose behaviour the subset does not have: a value in them is refused rather than ignored. */
const UNSUPPORTED_COLUMNS = ["calculation", "default", "read_only", "repeat_count", "trigger"];
const SECTIONS: readonly FormSection[] = ["identity", "profile"];

interface OpenGroup {
  name: string;
  row: number;
}

/**
 * Reads the survey sheet's rows into questions and groups; problems and warnings go into `place`'s.
 * Besides XLSForm's columns, a question may have a `section` (`identity`: personal data, asked only of experts
 * who answer with their name; `profile`: who the expert is; empty: a main question), a `short_label` per
 * language for tables, charts and export headers, and `parameters` (see {@link readParameters}).
 */
export function readSurvey(
  rows: readonly (readonly string[])[],
  place: Omit<TextPlace, "row" | "sheet">,
  choiceLists: Readonly<Record<string, FormChoice[]>>,
  choiceColumns: readonly string[],
): { questions: FormQuestion[]; groups: FormGroup[] } {
  const { columns, problems, defaultLanguage } = place;
  const column = (base: string) =>
    columns.find((candidate) => candidate.base === base && candidate.language === undefined);
  const headerOf = (base: string) => plainHeader(columns, base);
  const names = declaredNames(rows, column("type")?.index ?? -1, column("name")?.index ?? -1);
  const questions: FormQuestion[] = [];
  const groups: FormGroup[] = [];
  const open: OpenGroup[] = [];

  for (const [index, cells] of rows.entries()) {
    const row = index + 1;
    if (row === 1 || cells.every((cell) => cell.trim() === "")) continue;
    const problem = (base: string, message: string) =>
      problems.push({ sheet: SURVEY, row, column: headerOf(base), message });
    const typeCell = cellOf(cells, columns, "type");
    if (typeCell === "") {
      problem("type", "the row has no type");
      continue;
    }
    const rowType = surveyRowType(typeCell);
    if (rowType.kind === "refused") {
      problem("type", rowType.message);
      continue;
    }
    if (rowType.kind === "metadata") {
      place.warnings.push({
        sheet: SURVEY,
        row,
        column: headerOf("type"),
        message: `the metadata field “${rowType.name}” has no meaning in a Telegram chat and is left out`,
      });
      continue;
    }
    if (rowType.kind === "end_group") {
      if (!open.pop()) problem("type", "end_group without a begin_group before it");
      continue;
    }
    const name = cellOf(cells, columns, "name");
    if (!isName(name)) {
      problem("name", name === "" ? "the row has no name" : `“${name}” is not a valid name`);
      continue;
    }
    const first = names.get(name);
    if (first && first.row !== row) problem("name", `the name “${name}” is already used on row ${first.row}`);
    for (const unsupported of UNSUPPORTED_COLUMNS) {
      if (cellOf(cells, columns, unsupported) !== "")
        problem(unsupported, `the column ${unsupported} is not supported`);
    }
    const textPlace = { ...place, sheet: SURVEY, row };
    const scope: ExpressionScope = { sheet: SURVEY, row, name, names, problems };
    const relevant = readExpressionCell(cells, column("relevant"), scope, false);
    const groupPath = open.map((group) => group.name);
    const sectionCell = cellOf(cells, columns, "section").toLowerCase();
    const section = SECTIONS.find((candidate) => candidate === sectionCell);
    if (sectionCell !== "" && !section) {
      problem("section", `section is ${SECTIONS.join(", ")} or empty (a main question)`);
    }
    if (rowType.kind === "begin_group") {
      if (section) problem("section", "section is for questions, not groups");
      const labels = completeTexts(
        textsOf(cells, columns, "label", defaultLanguage),
        "label",
        textPlace,
        false,
      );
      groups.push({ name, labels, relevant, groups: groupPath });
      open.push({ name, row });
      continue;
    }
    const { type, listName, orOther } = rowType;
    const list = listName === undefined ? undefined : choiceLists[listName];
    if (listName !== undefined && !list)
      problem("type", `the choice list “${listName}” is not on the choices sheet`);
    if (orOther && list?.some((choice) => choice.name === "other")) {
      problem("type", `the list “${listName}” already has an “other” choice; drop or_other`);
    }
    const required = readYesNo(cellOf(cells, columns, "required"));
    if (required === undefined) problem("required", "required is yes or no");
    const choiceFilter = readExpressionCell(
      cells,
      column("choice_filter"),
      { ...scope, choiceColumns },
      false,
    );
    if (choiceFilter && listName === undefined)
      problem("choice_filter", "choice_filter is for questions with a choice list");
    const { parameters, problems: parameterProblems } = readParameters(
      cellOf(cells, columns, "parameters"),
      type,
    );
    for (const message of parameterProblems) problem("parameters", message);
    questions.push({
      name,
      type,
      listName,
      specifyOther:
        orOther || (type !== "rank" && (list?.some((choice) => choice.name === "other") ?? false)),
      section,
      labels: completeTexts(textsOf(cells, columns, "label", defaultLanguage), "label", textPlace, true),
      shortLabels: completeTexts(
        textsOf(cells, columns, "short_label", defaultLanguage),
        "short_label",
        textPlace,
        false,
      ),
      hints: completeTexts(textsOf(cells, columns, "hint", defaultLanguage), "hint", textPlace, false),
      required: required ?? false,
      relevant,
      constraint: readExpressionCell(cells, column("constraint"), scope, true),
      constraintMessages: completeTexts(
        textsOf(cells, columns, "constraint_message", defaultLanguage),
        "constraint_message",
        textPlace,
        false,
      ),
      choiceFilter,
      parameters,
      groups: groupPath,
      row,
    });
  }
  for (const group of open) {
    problems.push({
      sheet: SURVEY,
      row: group.row,
      column: headerOf("type"),
      message: "this group is never closed with end_group",
    });
  }
  if (questions.length === 0 && problems.length === 0)
    problems.push({ sheet: SURVEY, message: "the survey has no questions" });
  return { questions, groups };
}

/** Every name of the survey with the first row declaring it, so a reference to a later row can be told apart. */
function declaredNames(
  rows: readonly (readonly string[])[],
  typeIndex: number,
  nameIndex: number,
): Map<string, DeclaredName> {
  const names = new Map<string, DeclaredName>();
  rows.forEach((cells, index) => {
    const name = (cells[nameIndex] ?? "").trim();
    if (index === 0 || name === "" || names.has(name)) return;
    const type = surveyRowType(cells[typeIndex] ?? "");
    if (type.kind === "end_group" || type.kind === "metadata") return;
    names.set(name, { row: index + 1, group: type.kind === "begin_group" });
  });
  return names;
}
