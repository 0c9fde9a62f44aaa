// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm itself writes a reference to a question as ${name}
import { describe, expect, it } from "vitest";
import { isTrue } from "../../../src/questionnaire/xlsform/expression.ts";
import { formOf, problemsOf, table, workbook } from "./form-tables.ts";

const CHOICES = `
  | list_name | name     | label    |
  | yes_no    | yes      | Yes      |
  | yes_no    | no       | No       |
  | barriers  | language | Language |
  | barriers  | cost     | Cost     |
  | barriers  | distance | Distance |
`;

describe("the XLSForm reader", () => {
  it("leaves out Kobo's metadata rows with a warning each, so a form taken from Kobo as it is can be read", () => {
    const { form, warnings } = formOf(
      workbook(
        `
        | type              | name       | label           |
        | start             | start      |                 |
        | end               | end        |                 |
        | today             | today      |                 |
        | deviceid          | deviceid   |                 |
        | select_one yes_no | council    | In the council? |
        `,
        CHOICES,
      ),
    );
    expect(form.questions.map((question) => question.name)).toEqual(["council"]);
    expect(warnings).toEqual([
      "sheet survey, row 2, column type: the metadata field “start” has no meaning in a Telegram chat and is left out",
      "sheet survey, row 3, column type: the metadata field “end” has no meaning in a Telegram chat and is left out",
      "sheet survey, row 4, column type: the metadata field “today” has no meaning in a Telegram chat and is left out",
      "sheet survey, row 5, column type: the metadata field “deviceid” has no meaning in a Telegram chat and is left out",
    ]);
  });

  it("reads every supported type with its list, label, hint, required flag and group path", () => {
    const { form, warnings } = formOf(
      workbook(
        `
        | type                     | name        | label           | hint           | required |
        | begin_group              | profile     | Profile         |                |          |
        | integer                  | experience  | Years of work   | Whole years    | yes      |
        | decimal                  | share       | Share of pupils |                | no       |
        | end_group                |             |                 |                |          |
        | begin group              | views       |                 |                |          |
        | begin_group              | inner       | Inner           |                |          |
        | select_one yes_no        | council     | In the council? |                | TRUE     |
        | end group                |             |                 |                |          |
        | select_multiple barriers | barriers    | Barriers        |                | 1        |
        | rank barriers            | barriers_rk | Rank them       |                |          |
        | text                     | comment     | Comment         |                |          |
        | note                     | thanks      | Thank you       |                |          |
        | end_group                |             |                 |                |          |
        `,
        CHOICES,
      ),
    );
    expect(warnings).toEqual([]);
    expect(form).toMatchObject({ id: "demo", version: "1", defaultLanguage: "en", languages: ["en"] });
    expect(
      form.questions.map(({ name, type, listName, required, groups, labels }) => ({
        name,
        type,
        listName,
        required,
        groups,
        label: labels.en,
      })),
    ).toEqual([
      {
        name: "experience",
        type: "integer",
        listName: undefined,
        required: true,
        groups: ["profile"],
        label: "Years of work",
      },
      {
        name: "share",
        type: "decimal",
        listName: undefined,
        required: false,
        groups: ["profile"],
        label: "Share of pupils",
      },
      {
        name: "council",
        type: "select_one",
        listName: "yes_no",
        required: true,
        groups: ["views", "inner"],
        label: "In the council?",
      },
      {
        name: "barriers",
        type: "select_multiple",
        listName: "barriers",
        required: true,
        groups: ["views"],
        label: "Barriers",
      },
      {
        name: "barriers_rk",
        type: "rank",
        listName: "barriers",
        required: false,
        groups: ["views"],
        label: "Rank them",
      },
      {
        name: "comment",
        type: "text",
        listName: undefined,
        required: false,
        groups: ["views"],
        label: "Comment",
      },
      {
        name: "thanks",
        type: "note",
        listName: undefined,
        required: false,
        groups: ["views"],
        label: "Thank you",
      },
    ]);
    expect(form.questions[0]!.hints).toEqual({ en: "Whole years" });
    expect(form.groups.map(({ name, groups }) => ({ name, groups }))).toEqual([
      { name: "profile", groups: [] },
      { name: "views", groups: [] },
      { name: "inner", groups: ["views"] },
    ]);
    expect(form.choiceLists.barriers!.map((choice) => [choice.name, choice.labels.en])).toEqual([
      ["language", "Language"],
      ["cost", "Cost"],
      ["distance", "Distance"],
    ]);
  });

  it("parses relevant, constraint and choice_filter once, to be evaluated against answers", () => {
    const { form } = formOf(
      workbook(
        `
        | type                     | name     | label    | relevant                              | constraint            | constraint_message | choice_filter   |
        | select_one yes_no        | council  | Council  |                                       |                       |                    |                 |
        | select_multiple barriers | barriers | Barriers | \${council} = 'yes'                   | count-selected(.) <= 2 | At most two        |                 |
        | integer                  | years    | Years    | selected(\${barriers}, 'cost')        | . >= 0 and . <= 60    | 0 to 60            |                 |
        | select_one barriers      | worst    | Worst    | not(count-selected(\${barriers}) = 0) |                       |                    | kind = 'money'  |
        `,
        `
        | list_name | name     | label    | kind    |
        | yes_no    | yes      | Yes      |         |
        | yes_no    | no       | No       |         |
        | barriers  | language | Language | words   |
        | barriers  | cost     | Cost     | money   |
        `,
      ),
    );
    const [council, barriers, years, worst] = form.questions;
    expect(council!.relevant).toBeUndefined();
    expect(isTrue(barriers!.relevant!, { answers: { council: "yes" } })).toBe(true);
    expect(isTrue(barriers!.relevant!, { answers: { council: "no" } })).toBe(false);
    expect(isTrue(barriers!.constraint!, { answers: {}, self: ["language", "cost"] })).toBe(true);
    expect(isTrue(barriers!.constraint!, { answers: {}, self: ["language", "cost", "x"] })).toBe(false);
    expect(barriers!.constraintMessages).toEqual({ en: "At most two" });
    expect(isTrue(years!.relevant!, { answers: { barriers: ["cost"] } })).toBe(true);
    expect(isTrue(years!.relevant!, { answers: { barriers: ["language"] } })).toBe(false);
    expect(isTrue(years!.constraint!, { answers: {}, self: 61 })).toBe(false);
    expect(isTrue(worst!.relevant!, { answers: {} })).toBe(false);
    const offered = form.choiceLists.barriers!.filter((choice) =>
      isTrue(worst!.choiceFilter!, { answers: {}, choice: choice.columns }),
    );
    expect(offered.map((choice) => choice.name)).toEqual(["cost"]);
  });

  it("marks the questions whose other option asks to specify: or_other, or an explicit other choice", () => {
    const { form } = formOf(
      workbook(
        `
        | type                           | name    | label   |
        | select_one yes_no or_other     | council | Council |
        | select_multiple roles          | roles   | Roles   |
        | text                           | role_other | Which other role? |
        | select_one yes_no              | plain   | Plain   |
        `,
        `
        | list_name | name    | label   |
        | yes_no    | yes     | Yes     |
        | yes_no    | no      | No      |
        | roles     | teacher | Teacher |
        | roles     | other   | Other   |
        `,
      ),
    );
    expect(form.questions.map((question) => [question.name, question.specifyOther])).toEqual([
      ["council", true],
      ["roles", true],
      ["role_other", false],
      ["plain", false],
    ]);
  });

  it("falls back to the default language for a missing label, with a warning naming its place", () => {
    const { form, warnings } = formOf(
      workbook(
        `
        | type    | name  | label::Қазақша (kk) | label::Русский (ru) | hint::Қазақша (kk) |
        | integer | age   | Жасыңыз             | Ваш возраст         | Толық жыл          |
        | text    | note1 | Пікіріңіз           |                     |                    |
        `,
        undefined,
        table(`
          | form_id | version | default_language | form_title::Қазақша (kk) | form_title::Русский (ru) |
          | demo    | 2       | Қазақша (kk)     | Сауалнама                | Анкета                   |
        `),
      ),
    );
    expect(form.languages).toEqual(["kk", "ru"]);
    expect(form.titles).toEqual({ kk: "Сауалнама", ru: "Анкета" });
    expect(form.questions[1]!.labels).toEqual({ kk: "Пікіріңіз", ru: "Пікіріңіз" });
    expect(form.questions[0]!.hints).toEqual({ kk: "Толық жыл", ru: "Толық жыл" });
    expect(warnings).toEqual([
      "sheet survey, row 2, column hint::(ru): no hint in ru; the kk text is used",
      "sheet survey, row 3, column label::Русский (ru): no label in ru; the kk text is used",
    ]);
  });

  it("refuses types, names, lists and labels it cannot take, each problem with its sheet, row and column", () => {
    expect(
      problemsOf(
        workbook(
          `
          | type               | name     | label::English (en) | label::Русский (ru) | required |
          | geopoint           | place    | Where?              | Где?                |          |
          | select_one nolist  | q1       | Q1                  | В1                  |          |
          | integer            | q1       | Again               | Снова               |          |
          | integer            | 2bad     | Bad name            | Плохо               |          |
          | integer            | nolabel  |                     |                     |          |
          | integer            | rulabel  |                     | Только русский      |          |
          | text               |          | No name             | Без имени           |          |
          |                    | orphan   | No type             | Без типа            |          |
          | rank yes_no or_other | rk     | Rank                | Ранг                |          |
          | integer            | req      | Req                 | Обяз                | maybe    |
          | end_group          |          |                     |                     |          |
          | begin_group        | open     | Open                | Открыта             |          |
          | select_one yes_no or_other | dup_other | Other  | Другое              |          |
          `,
          `
          | list_name | name | label::English (en) | label::Русский (ru) |
          | yes_no    | yes  | Yes                 | Да                  |
          | yes_no    | yes  | Yes again           | Да снова            |
          | yes_no    | other | Other              | Другое              |
          | yes_no    | no   |                     |                     |
          `,
        ),
      ),
    ).toEqual([
      "sheet survey, row 2, column type: the type “geopoint” is not supported; the types are select_one <list>, select_multiple <list>, rank <list>, integer, decimal, text, date, note, begin_group, end_group",
      "sheet survey, row 3, column type: the choice list “nolist” is not on the choices sheet",
      "sheet survey, row 4, column name: the name “q1” is already used on row 3",
      "sheet survey, row 5, column name: “2bad” is not a valid name",
      "sheet survey, row 6, column label::English (en): no label in any language",
      "sheet survey, row 7, column label::English (en): no label in en, the default language (given in ru)",
      "sheet survey, row 8, column name: the row has no name",
      "sheet survey, row 9, column type: the row has no type",
      "sheet survey, row 10, column type: or_other is for select_one and select_multiple, not rank",
      "sheet survey, row 11, column required: required is yes or no",
      "sheet survey, row 12, column type: end_group without a begin_group before it",
      "sheet survey, row 13, column type: this group is never closed with end_group",
      "sheet survey, row 14, column type: the list “yes_no” already has an “other” choice; drop or_other",
      "sheet choices, row 3, column name: the list “yes_no” already has a choice named “yes”",
      "sheet choices, row 5, column label::English (en): no label in any language",
    ]);
  });

  it("refuses expressions it cannot parse or that refer to unknown, later or grouped names", () => {
    expect(
      problemsOf(
        workbook(
          `
          | type        | name   | label  | relevant             | constraint          | choice_filter |
          | integer     | a      | A      | today() > 1          |                     |               |
          | integer     | b      | B      | \${c} > 1            | . > \${a} and \${b} < 9 |           |
          | integer     | c      | C      | \${nowhere} = 1      | (. > 1              |               |
          | begin_group | grp    | Grp    | \${c} = \${d}        |                     |               |
          | integer     | d      | D      | \${d} = 1 or \${grp} = 1 | position(.) > 1 |               |
          | end_group   |        |        |                      |                     |               |
          | select_one l | e     | E      |                      |                     | size = \${a}  |
          | integer     | f      | F      |                      |                     | \${a} = 1     |
          `,
          `
          | list_name | name | label | kind |
          | l         | x    | X     | big  |
          `,
        ),
      ),
    ).toEqual([
      "sheet survey, row 2, column relevant: unknown function today() (character 1)",
      "sheet survey, row 3, column relevant: ${c} comes after this question (row 4)",
      "sheet survey, row 4, column relevant: ${nowhere} is not a question of this form",
      "sheet survey, row 4, column constraint: this parenthesis is never closed (character 1)",
      "sheet survey, row 5, column relevant: ${d} comes after this question (row 6)",
      "sheet survey, row 6, column relevant: ${d} is this question itself",
      "sheet survey, row 6, column relevant: ${grp} is a group, not a question",
      "sheet survey, row 6, column constraint: unknown function position() (character 1)",
      "sheet survey, row 8, column choice_filter: the choices sheet has no column “size”",
      "sheet survey, row 9, column choice_filter: choice_filter is for questions with a choice list",
    ]);
  });

  it("refuses settings without form_id, version or a known default language, and a form without sheets", () => {
    expect(
      problemsOf({
        survey: table(`
          | type    | name | label::Deutsch (de) | label |
          | integer | a    | Alter               | Age   |
        `),
        settings: table(`
          | form_id  | version | default_language |
          | bad id   |         | Deutsch (de)     |
        `),
      }),
    ).toEqual([
      "sheet survey, row 1, column label::Deutsch (de): the language “Deutsch (de)” is not one of kk, ru, en; write it as label::Name (code)",
      "sheet settings, row 2, column form_id: “bad id” is not a valid form_id: a letter, then up to 23 letters, digits, _ or - (a Telegram link carries it)",
      "sheet settings, row 2, column version: the form needs a version",
      "sheet settings, row 2, column default_language: the default language “Deutsch (de)” is not one of kk, ru, en",
      "sheet settings, row 2, column default_language: the survey has a plain “label” column: default_language says its language (kk, ru, en)",
    ]);
    const withId = (id: string) =>
      problemsOf({
        survey: table(`
          | type    | name | label::English (en) |
          | integer | a    | Age                 |
        `),
        settings: [
          ["form_id", "version", "default_language"],
          [id, "1", "en"],
        ],
      });
    expect([...withId("form.v2"), ...withId("a".repeat(25))]).toEqual([
      "sheet settings, row 2, column form_id: “form.v2” is not a valid form_id: a letter, then up to 23 letters, digits, _ or - (a Telegram link carries it)",
      `sheet settings, row 2, column form_id: “${"a".repeat(25)}” is not a valid form_id: a letter, then up to 23 letters, digits, _ or - (a Telegram link carries it)`,
    ]);
    expect(problemsOf({})).toEqual([
      "sheet survey: the workbook has no survey sheet",
      "sheet settings: the workbook has no settings sheet (it names form_id and version)",
    ]);
  });
});
