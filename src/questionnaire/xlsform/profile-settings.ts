import type { QuestionType } from "../types.ts";
import type { FormChoice, FormProblem, FormQuestion, XlsForm } from "./form.ts";
import { type FormSettings, SETTINGS } from "./form-settings.ts";
import { plainHeader } from "./sheet-columns.ts";

const SAMPLE_TABLE_TYPES: readonly QuestionType[] = ["select_one", "integer"];

/** What the profile questions named by `sample_table` and `compare_by` are checked against. */
interface ProfileScope {
  settings: FormSettings;
  questions: readonly FormQuestion[];
  choiceLists: Readonly<Record<string, FormChoice[]>>;
  problems: FormProblem[];
}

/**
 * The sample table's questions from the `sample_table` setting: space-separated names of profile questions,
 * each a select_one or an integer, each once. Empty when the setting is; problems go into the scope's.
 *
 * @example
 * readSampleTable({ settings, questions, choiceLists, problems }); // ["edu_role", "region", "experience_years"]
 */
export function readSampleTable(scope: ProfileScope): XlsForm["sampleTable"] {
  const problem = problemAt(scope, "sample_table");
  const names = words(scope.settings.sampleTable);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) {
      problem(`sample_table names “${name}” twice`);
      return;
    }
    const question = profileQuestion(scope, name, "sample_table", problem);
    if (question && !SAMPLE_TABLE_TYPES.includes(question.type)) {
      problem(
        `“${name}” is of type ${question.type}; the sample table takes select_one and integer questions`,
      );
    }
  });
  return names;
}

/**
 * The comparison of rankings from the `compare_by` setting: `<question> <option> <option>`, a select_one
 * profile question and two different options of its list. Absent when the setting is empty.
 *
 * @example
 * readCompareBy(scope); // { question: "region", options: ["shymkent", "turkestan_region"] } for "region shymkent turkestan_region"
 */
export function readCompareBy(scope: ProfileScope): XlsForm["compareBy"] {
  const problem = problemAt(scope, "compare_by");
  const written = words(scope.settings.compareBy);
  if (written.length === 0) return undefined;
  const [name = "", first = "", second = ""] = written;
  if (written.length !== 3) {
    problem("compare_by is written as <question> <option> <option>, e.g. region shymkent turkestan_region");
    return undefined;
  }
  const question = profileQuestion(scope, name, "compare_by", problem);
  if (!question) return undefined;
  if (question.type !== "select_one") {
    problem(`“${name}” is of type ${question.type}; compare_by takes a select_one question`);
    return undefined;
  }
  const list = scope.choiceLists[question.listName ?? ""] ?? [];
  for (const option of [first, second]) {
    if (!list.some((choice) => choice.name === option)) {
      problem(`“${option}” is not an option of “${name}” (list “${question.listName}”)`);
    }
  }
  if (first === second) problem(`compare_by compares two different options, not “${first}” with itself`);
  return { question: name, options: [first, second] };
}

function profileQuestion(
  scope: ProfileScope,
  name: string,
  setting: string,
  problem: (message: string) => void,
): FormQuestion | undefined {
  const question = scope.questions.find((candidate) => candidate.name === name);
  if (!question) problem(`${setting} names “${name}”, which is not a question of this form`);
  else if (question.section !== "profile") problem(`“${name}” is not in the profile section`);
  else return question;
  return undefined;
}

function problemAt(scope: ProfileScope, base: string) {
  const column = plainHeader(scope.settings.columns, base);
  return (message: string) => scope.problems.push({ sheet: SETTINGS, row: 2, column, message });
}

function words(cell: string): string[] {
  return cell.split(/\s+/).filter((word) => word !== "");
}
