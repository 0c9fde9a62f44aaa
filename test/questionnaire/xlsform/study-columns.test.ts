import { describe, expect, it } from "vitest";
import { formOf, problemsOf, table, workbook } from "./form-tables.ts";

const PROFILE_SURVEY = `
  | type                     | name       | label       | section  |
  | text                     | full_name  | Full name   | identity |
  | select_one region        | region     | Region      | profile  |
  | integer                  | experience | Experience  | profile  |
  | text                     | position   | Position    | profile  |
  | select_one region        | moved_from | Moved from  |          |
`;
const REGIONS = `
  | list_name | name      | label     |
  | region    | shymkent  | Shymkent  |
  | region    | turkestan | Turkestan |
`;

/** The profile survey above with a settings row of these extra columns. */
function withSettings(header: string, values: string) {
  return workbook(
    PROFILE_SURVEY,
    REGIONS,
    table(`
      | form_id | version | default_language | ${header} |
      | demo    | 1       | en               | ${values} |
    `),
  );
}

describe("the study's columns of the survey sheet", () => {
  it("puts questions in the identity or profile section, and the rest in the main part", () => {
    const { form } = formOf(workbook(PROFILE_SURVEY, REGIONS));
    expect(form.questions.map((question) => [question.name, question.section])).toEqual([
      ["full_name", "identity"],
      ["region", "profile"],
      ["experience", "profile"],
      ["position", "profile"],
      ["moved_from", undefined],
    ]);
  });

  it("refuses an unknown section and a section on a group", () => {
    expect(
      problemsOf(
        workbook(`
          | type        | name  | label | section  |
          | text        | name1 | Name  | personal |
          | begin_group | about | About | profile  |
          | integer     | age   | Age   | Profile  |
          | end_group   |       |       |          |
        `),
      ),
    ).toEqual([
      "sheet survey, row 2, column section: section is identity, profile or empty (a main question)",
      "sheet survey, row 3, column section: section is for questions, not groups",
    ]);
  });

  it("reads short labels per language, falling back like labels with a warning, and none when absent", () => {
    const { form, warnings } = formOf(
      workbook(
        `
        | type    | name   | label::Қазақша (kk) | label::English (en) | short_label::Қазақша (kk) | short_label::English (en) |
        | integer | years  | Қанша жыл?          | How many years?     | Өтілі                     | Experience                |
        | text    | region | Өңір?               | Region?             | Өңір                      |                           |
        | text    | note1  | Пікір?              | Comment?            |                           |                           |
        `,
        undefined,
        table(`
          | form_id | version | default_language |
          | demo    | 1       | kk               |
        `),
      ),
    );
    expect(form.questions.map((question) => question.shortLabels)).toEqual([
      { kk: "Өтілі", en: "Experience" },
      { kk: "Өңір", en: "Өңір" },
      {},
    ]);
    expect(warnings).toEqual([
      "sheet survey, row 3, column short_label::English (en): no short_label in en; the kk text is used",
    ]);
  });

  it("reads a plain short_label column as the default language's", () => {
    const { form } = formOf(
      workbook(`
        | type    | name  | label           | short_label |
        | integer | years | How many years? | Experience  |
      `),
    );
    expect(form.questions[0]!.shortLabels).toEqual({ en: "Experience" });
  });

  it("reads parameters: the rank order, a prefer-not-to-say button, the longest text", () => {
    const { form } = formOf(
      workbook(
        `
        | type          | name    | label   | parameters                  |
        | rank region   | ranked  | Rank    | rank_by=severity            |
        | integer       | age     | Age     | prefer_not_to_say=yes       |
        | decimal       | share   | Share   | prefer_not_to_say = no      |
        | text          | comment | Comment | max_length=4000             |
        | text          | plain   | Plain   |                             |
        `,
        REGIONS,
      ),
    );
    expect(form.questions.map((question) => question.parameters)).toEqual([
      { rankBy: "severity" },
      { preferNotToSay: true },
      { preferNotToSay: false },
      { maxLength: 4000 },
      {},
    ]);
  });

  it("refuses unknown parameters, parameters of another type and values out of their range", () => {
    expect(
      problemsOf(
        workbook(
          `
          | type        | name | label | parameters                         |
          | rank region | r1   | R1    | rank_by=urgency                    |
          | rank region | r2   | R2    | randomize=true                     |
          | integer     | i1   | I1    | rank_by=importance                 |
          | integer     | i2   | I2    | prefer_not_to_say=maybe            |
          | text        | t1   | T1    | max_length=0                       |
          | text        | t2   | T2    | max_length=4001                    |
          | text        | t3   | T3    | max_length=12.5 max_length=10      |
          | text        | t4   | T4    | prefer_not_to_say=yes              |
          | text        | t5   | T5    | long                               |
          | text        | t6   | T6    | max_length=10 max_length=20        |
          `,
          REGIONS,
        ),
      ),
    ).toEqual([
      "sheet survey, row 2, column parameters: rank_by is one of importance, severity, frequency",
      "sheet survey, row 3, column parameters: the parameter “randomize” is not supported; the parameters are rank_by (rank), prefer_not_to_say (integer, decimal), max_length (text)",
      "sheet survey, row 4, column parameters: rank_by is for rank questions, not integer",
      "sheet survey, row 5, column parameters: prefer_not_to_say is yes or no",
      "sheet survey, row 6, column parameters: max_length is a whole number from 1 to 4000",
      "sheet survey, row 7, column parameters: max_length is a whole number from 1 to 4000",
      "sheet survey, row 8, column parameters: max_length is a whole number from 1 to 4000",
      "sheet survey, row 8, column parameters: the parameter max_length is given twice",
      "sheet survey, row 9, column parameters: prefer_not_to_say is for integer and decimal questions, not text",
      "sheet survey, row 10, column parameters: “long” is not written as key=value",
      "sheet survey, row 11, column parameters: the parameter max_length is given twice",
    ]);
  });
});

describe("the study's exclusive column of the choices sheet", () => {
  const BARRIERS = `
    | type                     | name     | label    |
    | select_multiple barriers | barriers | Barriers |
  `;

  it("marks the options that clear every other, such as “all of the above”", () => {
    const { form } = formOf(
      workbook(
        BARRIERS,
        `
        | list_name | name     | label            | exclusive |
        | barriers  | language | Language         |           |
        | barriers  | cost     | Cost             | no        |
        | barriers  | all      | All of the above | yes       |
        `,
      ),
    );
    expect(form.choiceLists.barriers!.map((choice) => [choice.name, choice.exclusive])).toEqual([
      ["language", false],
      ["cost", false],
      ["all", true],
    ]);
    expect(form.choiceLists.barriers![2]!.columns).toEqual({});
  });

  it("is not a column a choice_filter may name, and takes only yes or no", () => {
    expect(
      problemsOf(
        workbook(
          `
          | type                     | name     | label    | choice_filter   |
          | select_multiple barriers | barriers | Barriers | exclusive = 'no' |
          `,
          `
          | list_name | name     | label            | exclusive |
          | barriers  | language | Language         | sometimes |
          | barriers  | all      | All of the above | yes       |
          `,
        ),
      ),
    ).toEqual([
      "sheet survey, row 2, column choice_filter: the choices sheet has no column “exclusive”",
      "sheet choices, row 2, column exclusive: exclusive is yes or no",
    ]);
  });
});

describe("the study's settings", () => {
  it("reads descriptions per language, falling back like the title with a warning, and none when absent", () => {
    const { form, warnings } = formOf(
      workbook(
        `
        | type    | name | label::Қазақша (kk) | label::Русский (ru) |
        | integer | age  | Жасыңыз             | Ваш возраст         |
        `,
        undefined,
        table(`
          | form_id | version | default_language | form_title::Қазақша (kk) | form_title::Русский (ru) | description::Қазақша (kk) |
          | demo    | 1       | kk               | Білім беру               | Образование              | Мектеп мамандарына        |
        `),
      ),
    );
    expect(form.descriptions).toEqual({ kk: "Мектеп мамандарына", ru: "Мектеп мамандарына" });
    expect(warnings).toEqual([
      "sheet settings, row 2, column description::(ru): no description in ru; the kk text is used",
    ]);
    expect(formOf(workbook(PROFILE_SURVEY, REGIONS)).form).toMatchObject({
      descriptions: {},
      sampleTable: [],
      compareBy: undefined,
    });
  });

  it("names the profile questions of the sample table in its order", () => {
    const { form } = formOf(withSettings("sample_table", "experience  region"));
    expect(form.sampleTable).toEqual(["experience", "region"]);
  });

  it("refuses a sample table of unknown, non-profile, repeated or other-typed questions", () => {
    expect(
      problemsOf(withSettings("sample_table", "region nowhere full_name moved_from position region")),
    ).toEqual([
      "sheet settings, row 2, column sample_table: sample_table names “nowhere”, which is not a question of this form",
      "sheet settings, row 2, column sample_table: “full_name” is not in the profile section",
      "sheet settings, row 2, column sample_table: “moved_from” is not in the profile section",
      "sheet settings, row 2, column sample_table: “position” is of type text; the sample table takes select_one and integer questions",
      "sheet settings, row 2, column sample_table: sample_table names “region” twice",
    ]);
  });

  it("names the profile question and its two options whose experts' rankings are compared", () => {
    const { form } = formOf(withSettings("compare_by", "region turkestan shymkent"));
    expect(form.compareBy).toEqual({ question: "region", options: ["turkestan", "shymkent"] });
  });

  it("refuses a comparison not written as a select_one profile question and two of its options", () => {
    const refused = (value: string) => problemsOf(withSettings("compare_by", value));
    const place = "sheet settings, row 2, column compare_by";
    expect(refused("region shymkent")).toEqual([
      `${place}: compare_by is written as <question> <option> <option>, e.g. region shymkent turkestan_region`,
    ]);
    expect(refused("nowhere a b")).toEqual([
      `${place}: compare_by names “nowhere”, which is not a question of this form`,
    ]);
    expect(refused("moved_from shymkent turkestan")).toEqual([
      `${place}: “moved_from” is not in the profile section`,
    ]);
    expect(refused("experience 1 2")).toEqual([
      `${place}: “experience” is of type integer; compare_by takes a select_one question`,
    ]);
    expect(refused("region shymkent almaty")).toEqual([
      `${place}: “almaty” is not an option of “region” (list “region”)`,
    ]);
    expect(refused("region shymkent shymkent")).toEqual([
      `${place}: compare_by compares two different options, not “shymkent” with itself`,
    ]);
  });

  it("leaves out the settings Kobo writes for its servers, with a warning each", () => {
    const { warnings } = formOf(
      withSettings(
        "instance_name | style | public_key | submission_url | allow_choice_duplicates",
        "uuid() | pages | MIIB | https://example.org/submission | yes",
      ),
    );
    expect(warnings).toEqual(
      ["instance_name", "style", "public_key", "submission_url", "allow_choice_duplicates"].map(
        (setting) =>
          `sheet settings, row 2, column ${setting}: the setting ${setting} has no meaning in a Telegram chat and is left out`,
      ),
    );
  });
});
