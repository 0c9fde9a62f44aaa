import { describe, expect, it } from "vitest";
import { formChanges, hasChanges } from "../../src/questionnaire/form-changes.ts";
import type { XlsForm } from "../../src/questionnaire/xlsform/form.ts";
import { readXlsForm } from "../../src/questionnaire/xlsform/form-reader.ts";
import { workbook } from "./xlsform/form-tables.ts";

function form(survey: string, choices: string): XlsForm {
  const { form: read, problems } = readXlsForm(workbook(survey, choices));
  expect(problems).toEqual([]);
  return read!;
}

const VERSION_1 = form(
  `
  | type                 | name    | label::English (en) |
  | select_one region    | region  | Your region         |
  | integer              | years   | Years of work       |
  | select_multiple help | help    | What helps?         |
  | rank help            | ranking | Rank what helps     |
  | text                 | comment | Any comment         |
`,
  `
  | list_name | name     | label::English (en) |
  | region    | almaty   | Almaty              |
  | region    | shymkent | Shymkent            |
  | help      | money    | Money               |
  | help      | staff    | Staff               |
  | help      | training | Training            |
`,
);

describe("what a new version of a form changes", () => {
  it("finds nothing between a version and itself", () => {
    const changes = formChanges(VERSION_1, VERSION_1);
    expect(changes).toEqual({
      added: [],
      dropped: [],
      typeChanged: [],
      optionsChanged: [],
      labelChanged: [],
    });
    expect(hasChanges(changes)).toBe(false);
  });

  it("counts every question as new when no version is installed", () => {
    expect(formChanges(undefined, VERSION_1).added).toEqual([
      "region",
      "years",
      "help",
      "ranking",
      "comment",
    ]);
  });

  it("names questions added, dropped, retyped and relabelled, and options added, removed and reordered", () => {
    const version2 = form(
      `
      | type                          | name    | label::English (en)  |
      | select_one region             | region  | Your region          |
      | decimal                       | years   | Years of work        |
      | select_multiple help or_other | help    | What helps?          |
      | rank help                     | ranking | Rank what helps most |
      | integer                       | age     | Your age             |
    `,
      `
      | list_name | name     | label::English (en) |
      | region    | shymkent | Shymkent            |
      | region    | almaty   | Almaty              |
      | region    | abroad   | Abroad              |
      | help      | money    | Money               |
      | help      | training | Training            |
    `,
    );
    const changes = formChanges(VERSION_1, version2);
    expect(changes).toEqual({
      added: ["age"],
      dropped: ["comment"],
      typeChanged: [{ question: "years", from: "integer", to: "decimal" }],
      optionsChanged: [
        { question: "region", added: ["abroad"], removed: [], reordered: true },
        { question: "help", added: ["other"], removed: ["staff"], reordered: false },
        { question: "ranking", added: [], removed: ["staff"], reordered: false },
      ],
      labelChanged: ["ranking"],
    });
    expect(hasChanges(changes)).toBe(true);
  });

  it("flags an option list that only changed its order", () => {
    const reordered = form(
      `
      | type              | name   | label::English (en) |
      | select_one region | region | Your region         |
    `,
      `
      | list_name | name     | label::English (en) |
      | region    | shymkent | Shymkent            |
      | region    | almaty   | Almaty              |
    `,
    );
    expect(formChanges(VERSION_1, reordered).optionsChanged).toEqual([
      { question: "region", added: [], removed: [], reordered: true },
    ]);
  });

  it("sees a label changed in one language only", () => {
    const english = form(
      `
      | type    | name  | label::English (en) | label::Русский (ru) |
      | integer | years | Years of work       | Стаж                |
    `,
      "",
    );
    const russian = form(
      `
      | type    | name  | label::English (en) | label::Русский (ru) |
      | integer | years | Years of work       | Стаж работы         |
    `,
      "",
    );
    expect(formChanges(english, russian).labelChanged).toEqual(["years"]);
  });
});
