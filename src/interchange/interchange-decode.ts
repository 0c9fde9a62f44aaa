import { isRelevant } from "../questionnaire/engine.ts";
import type { Answers, AnswerValue, Questionnaire } from "../questionnaire/types.ts";
import { referencedQuestions } from "../questionnaire/xlsform/expression.ts";
import { expressionText } from "../questionnaire/xlsform/expression-text.ts";
import { cellText, decodeAnswer, type InterchangeCell, quote } from "./interchange-cells.ts";
import { answerColumns, otherColumnName, RESPONDENT_COLUMNS } from "./interchange-columns.ts";

/** One response read from an interchange table. */
export interface InterchangeRecord {
  questionnaire: string;
  respondentId: string;
  wave: number;
  anonymous: boolean;
  answers: Answers;
}

/** Something wrong in a table: `row` as a spreadsheet numbers it (the header is row 1), `column` by name. */
export interface InterchangeProblem {
  row: number;
  column: string;
  problem: string;
}

const ANONYMOUS_VALUES = new Map([
  ["yes", true],
  ["true", true],
  ["1", true],
  ["no", false],
  ["false", false],
  ["0", false],
]);

/** Column name → position, plus what every questionnaire's answer columns are called. */
interface Layout {
  header: string[];
  positions: Map<string, number>;
  columnsOf: Map<string, Set<string>>;
  answerColumnNames: Set<string>;
}

/**
 * Reads an interchange table: `rows[0]` is the header, later rows are responses; rows that are entirely empty
 * are skipped. Every row names its questionnaire and the header is the union of the columns used; a
 * questionnaire's columns may be left out. Each answer is checked as the bot checks typed answers. A row with
 * any problem gives no record, so a caller can refuse the file or import only the clean rows.
 *
 * @example
 * const { records, problems } = decodeRows(loadQuestionnaires(), parseCsv(text));
 * // problems: [{ row: 3, column: "experience_years", problem: "value 70 is out of range 0–60" }]
 */
export function decodeRows(
  questionnaires: Map<string, Questionnaire>,
  rows: InterchangeCell[][],
): { records: InterchangeRecord[]; problems: InterchangeProblem[] } {
  const problems: InterchangeProblem[] = [];
  const records: InterchangeRecord[] = [];
  const layout = readHeader(questionnaires, rows[0] ?? [], problems);
  if (!layout) return { records, problems };
  const firstRowOf = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (row === 1 || cells.every((cell) => cellText(cell) === "")) return;
    const found: InterchangeProblem[] = [];
    const fail = (column: string, problem: string) => found.push({ row, column, problem });
    const record = decodeRow(questionnaires, layout, cells, fail);
    if (record) {
      const key = JSON.stringify([record.questionnaire, record.wave, record.respondentId]);
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, row);
      else {
        fail(
          "respondent_id",
          `duplicate respondent ${quote(record.respondentId)} in wave ${record.wave} of questionnaire ` +
            `${quote(record.questionnaire)} (also in row ${first})`,
        );
      }
    }
    problems.push(...found);
    if (record && found.length === 0) records.push(record);
  });
  return { records, problems };
}

function readHeader(
  questionnaires: Map<string, Questionnaire>,
  cells: InterchangeCell[],
  problems: InterchangeProblem[],
): Layout | undefined {
  const header = cells.map(cellText);
  const columnsOf = new Map(
    [...questionnaires].map(([id, questionnaire]) => [
      id,
      new Set(answerColumns(questionnaire).map((column) => column.name)),
    ]),
  );
  const answerColumnNames = new Set([...columnsOf.values()].flatMap((names) => [...names]));
  const respondentColumns: readonly string[] = RESPONDENT_COLUMNS;
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === "") return;
    if (positions.has(name)) {
      problems.push({ row: 1, column: name, problem: `column ${quote(name)} appears twice` });
    } else if (!respondentColumns.includes(name) && !answerColumnNames.has(name)) {
      problems.push({ row: 1, column: name, problem: `unknown question id ${quote(name)}` });
    } else positions.set(name, index);
  });
  const missing = RESPONDENT_COLUMNS.filter((name) => !positions.has(name));
  for (const name of missing)
    problems.push({ row: 1, column: name, problem: `missing column ${quote(name)}` });
  return missing.length > 0 ? undefined : { header, positions, columnsOf, answerColumnNames };
}

/** The row's record when its respondent columns can be read, reporting every problem through `fail`. */
function decodeRow(
  questionnaires: Map<string, Questionnaire>,
  layout: Layout,
  cells: InterchangeCell[],
  fail: (column: string, problem: string) => void,
): InterchangeRecord | undefined {
  const cell = (name: string): InterchangeCell => {
    const index = layout.positions.get(name);
    return index === undefined ? null : (cells[index] ?? null);
  };
  cells.forEach((value, index) => {
    if ((layout.header[index] ?? "") === "" && cellText(value) !== "") {
      fail(`column ${columnLetter(index)}`, "a value in a column without a name");
    }
  });
  const respondentId = cellText(cell("respondent_id"));
  if (respondentId === "") fail("respondent_id", "missing respondent_id");
  const wave = parseWave(cell("wave"));
  if (wave === undefined) fail("wave", `wave is not a positive integer: ${quote(cellText(cell("wave")))}`);
  const anonymous = ANONYMOUS_VALUES.get(cellText(cell("anonymous")).toLowerCase());
  if (anonymous === undefined) {
    fail("anonymous", `anonymous must be yes or no, not ${quote(cellText(cell("anonymous")))}`);
  }
  const questionnaireId = cellText(cell("questionnaire"));
  const questionnaire = questionnaires.get(questionnaireId);
  if (!questionnaire) {
    fail(
      "questionnaire",
      questionnaireId === "" ? "missing questionnaire" : `unknown questionnaire ${quote(questionnaireId)}`,
    );
    return undefined;
  }
  const own = layout.columnsOf.get(questionnaireId) ?? new Set();
  for (const [name, index] of layout.positions) {
    if (layout.answerColumnNames.has(name) && !own.has(name) && cellText(cells[index] ?? null) !== "") {
      fail(name, `${quote(name)} is not a question of questionnaire ${quote(questionnaireId)}`);
    }
  }
  const answers = decodeAnswers(questionnaire, cell, anonymous ?? false, fail);
  if (respondentId === "" || wave === undefined || anonymous === undefined) return undefined;
  return { questionnaire: questionnaireId, respondentId, wave, anonymous, answers };
}

function decodeAnswers(
  questionnaire: Questionnaire,
  cell: (name: string) => InterchangeCell,
  anonymous: boolean,
  fail: (column: string, problem: string) => void,
): Answers {
  const answers: Record<string, AnswerValue> = {};
  const refused = new Set<string>();
  for (const question of questionnaire.questions) {
    const decoded = decodeAnswer(question, cell(question.id), cell(otherColumnName(question)));
    if (!decoded.ok) {
      fail(decoded.column, decoded.problem);
      refused.add(question.id);
    } else if (decoded.answer && anonymous && question.section === "identity") {
      fail(question.id, "an identity question is answered although the respondent is anonymous");
    } else if (decoded.answer) answers[question.id] = decoded.answer;
  }
  for (const question of questionnaire.questions) {
    const condition = question.relevant;
    // A refused controlling answer is already reported; judging its dependants on it would only add noise.
    if (!condition || !(question.id in answers)) continue;
    if (referencedQuestions(condition).some((id) => refused.has(id))) continue;
    if (!isRelevant(question, answers)) {
      fail(question.id, `answered although its condition does not hold: ${expressionText(condition)}`);
    }
  }
  return answers;
}

function parseWave(value: InterchangeCell): number | undefined {
  const text = cellText(value);
  if (!/^\d+$/.test(text)) return undefined;
  const wave = Number(text);
  return wave > 0 && Number.isSafeInteger(wave) ? wave : undefined;
}

/** Spreadsheet letters of a 0-based column index: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
