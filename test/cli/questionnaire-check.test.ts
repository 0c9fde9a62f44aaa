// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm itself writes a reference to a question as ${name}
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPLOYMENT_FORM } from "../questionnaire/xlsform/employment-form.ts";
import { table, typeRefusal } from "../questionnaire/xlsform/form-tables.ts";
import { runCli, writeFormFile } from "./run-cli.ts";

let dir: string;

const cli = (...args: string[]) => runCli(join(dir, "data", "survey.db"), ...args);
const formFile = (name: string, sheets: Record<string, string[][]>) => writeFormFile(dir, name, sheets);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "questionnaire-cli-"));
});

describe("npm run cli -- questionnaire check", () => {
  it("prints the form's id, version, number of questions and languages, without opening a database", async () => {
    const path = await formFile("employment.xlsx", EMPLOYMENT_FORM);
    expect(await cli("questionnaire", "check", path)).toEqual({
      code: 0,
      stdout: "Form employment, version 3: 5 questions in kk, ru, en\n",
      stderr: "",
    });
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  it("prints a language fallback as a warning and still accepts the form", async () => {
    const path = await formFile("fallback.xlsx", {
      ...EMPLOYMENT_FORM,
      choices: EMPLOYMENT_FORM.choices.map((row, index) => (index === 2 ? [...row.slice(0, 4), ""] : row)),
    });
    expect(await cli("questionnaire", "check", path)).toEqual({
      code: 0,
      stdout: "Form employment, version 3: 5 questions in kk, ru, en\n",
      stderr:
        "Warning: sheet choices, row 3, column label::English (en): no label in en; the kk text is used\n",
    });
  });

  it("refuses a form with exit code 1, each problem by sheet, row and column", async () => {
    const path = await formFile("broken.xlsx", {
      survey: table(`
        | type     | name   | label::English (en) | relevant        |
        | integer  | age    | Age                 |                 |
        | geopoint | place  | Where?              |                 |
        | text     | why    | Why?                | today() > \${age} |
      `),
      settings: table(`
        | form_id | version | default_language |
        | broken  | 1       | en               |
      `),
    });
    expect(await cli("questionnaire", "check", path)).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "The form is refused:",
        `sheet survey, row 3, column type: ${typeRefusal("geopoint")}`,
        "sheet survey, row 4, column relevant: unknown function today() (character 1)",
        "",
      ].join("\n"),
    });
  });

  it("refuses a file that is not a workbook", async () => {
    const path = join(dir, "form.csv");
    writeFileSync(path, "type,name\ninteger,age\n");
    expect(await cli("questionnaire", "check", path)).toMatchObject({
      code: 1,
      stderr: "The form is refused:\nthe file could not be read as an Excel workbook (.xlsx)\n",
    });
  });
});
