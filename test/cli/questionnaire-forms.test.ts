import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { EMPLOYMENT_FORM } from "../questionnaire/xlsform/employment-form.ts";
import { typeRefusal } from "../questionnaire/xlsform/form-tables.ts";
import { employmentForm } from "../support/form-workbook.ts";
import { runCli, writeFormFile } from "./run-cli.ts";

let dir: string;
let databasePath: string;

const cli = (...args: string[]) => runCli(databasePath, ...args);
const formFile = (name: string, sheets: Record<string, string[][]>) => writeFormFile(dir, name, sheets);
const today = () => new Date().toISOString().slice(0, 10);

const relabelled = EMPLOYMENT_FORM.survey.map((row) =>
  row[1] === "comment" ? row.with(4, "Anything else to add?") : row,
);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "questionnaire-forms-"));
  databasePath = join(dir, "data", "survey.db");
});

describe("npm run cli -- questionnaire add and list", () => {
  it("installs a form, printing its id, version and number of questions; list shows it", async () => {
    expect(await cli("questionnaire", "list")).toEqual({
      code: 0,
      stdout: "No forms installed\n",
      stderr: "",
    });
    const path = await formFile("employment.xlsx", EMPLOYMENT_FORM);
    expect(await cli("questionnaire", "add", path)).toEqual({
      code: 0,
      stdout: "Installed form employment, version 3: 5 questions\n",
      stderr: "",
    });
    expect(await cli("questionnaire", "list")).toEqual({
      code: 0,
      stdout: `employment\n  version 3, installed ${today()}\n`,
      stderr: "",
    });
  });

  it("says a form installed again unchanged is already installed, and refuses other content under its version", async () => {
    await cli("questionnaire", "add", await formFile("employment.xlsx", EMPLOYMENT_FORM));
    expect(await cli("questionnaire", "add", await formFile("again.xlsx", EMPLOYMENT_FORM))).toEqual({
      code: 0,
      stdout: "The form employment, version 3 is already installed: nothing changed\n",
      stderr: "",
    });
    expect(
      await cli(
        "questionnaire",
        "add",
        await formFile("edited.xlsx", employmentForm("3", { survey: relabelled })),
      ),
    ).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "The form employment, version 3 is installed with other content: raise the version in the settings sheet\n",
    });
  });

  it("lists versions the latest first, with the open wave that runs one; the open wave keeps its version", async () => {
    await cli("questionnaire", "add", await formFile("employment.xlsx", EMPLOYMENT_FORM));
    const db = openDatabase(databasePath);
    const waves = new WaveRepository(db);
    waves.ensureFirstWaves(["employment"], new Date());
    expect(
      await cli(
        "questionnaire",
        "add",
        await formFile("v4.xlsx", employmentForm("4", { survey: relabelled })),
      ),
    ).toMatchObject({
      code: 0,
      stdout: "Installed form employment, version 4: 5 questions\n",
    });
    expect((await cli("questionnaire", "list")).stdout).toBe(
      `employment\n  version 4, installed ${today()}\n  version 3, installed ${today()}, run by open wave 1\n`,
    );
    expect(waves.openNext("employment", new Date()).formVersion).toBe("4");
    db.$client.close();
  });

  it("refuses an invalid form with each problem by sheet, row and column, and stores nothing", async () => {
    const broken = EMPLOYMENT_FORM.survey.map((row) =>
      row[1] === "comment" ? row.with(0, "geopoint") : row,
    );
    const result = await cli(
      "questionnaire",
      "add",
      await formFile("broken.xlsx", employmentForm("5", { survey: broken })),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `The form is refused:\nsheet survey, row 8, column type: ${typeRefusal("geopoint")}\n`,
    );
    expect((await cli("questionnaire", "list")).stdout).toBe("No forms installed\n");
  });
});
