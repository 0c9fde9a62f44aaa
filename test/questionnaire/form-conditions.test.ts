// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to a question as ${name}
import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { decodeRows } from "../../src/interchange/interchange.ts";
import { optionsOffered } from "../../src/questionnaire/engine.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import { applyAction, startResponse } from "../../src/questionnaire/response-flow.ts";
import { formOf, workbook } from "./xlsform/form-tables.ts";

/** A form whose constraint reads another answer and whose second question's options are filtered by the first. */
const form = formOf(
  workbook(
    `
    | type                 | name      | label::English (en) | required | constraint              | choice_filter        | constraint_message::English (en) |
    | integer              | household | People at home      | yes      | . >= 1 and . <= 20      |                      |                                  |
    | integer              | children  | Children at home    | yes      | . <= \${household}      |                      | No more than the people at home  |
    | select_one region    | region    | Region              | yes      |                         |                      |                                  |
    | select_one city      | city      | City                | yes      |                         | region = \${region}  |                                  |
    `,
    `
    | list_name | name      | label::English (en) | region |
    | region    | south     | South               |        |
    | region    | north     | North               |        |
    | city      | shymkent  | Shymkent            | south  |
    | city      | turkestan | Turkestan           | south  |
    | city      | astana    | Astana              | north  |
    `,
  ),
).form;
const questionnaire = questionnaireFromForm(form, {
  otherLabel: Translations.load().inEveryLanguage("other_option"),
});
const city = questionnaire.questions.find((question) => question.id === "city")!;

describe("a form's constraints and choice filters", () => {
  it("takes bounds from a constraint of plain comparisons, and none from one that reads another answer", () => {
    const [household, children] = questionnaire.questions;
    expect([household?.min, household?.max]).toEqual([1, 20]);
    expect([children?.min, children?.max]).toEqual([undefined, undefined]);
  });

  it("refuses a typed answer that breaks a constraint reading an earlier answer, and takes one that keeps it", () => {
    let state = startResponse(questionnaire, true);
    state = applyAction(questionnaire, state, { type: "text", text: "3" }).state;
    const refused = applyAction(questionnaire, state, { type: "text", text: "4" });
    expect(refused.problem).toBe("constraint");
    expect(refused.saved).toBeUndefined();
    const taken = applyAction(questionnaire, state, { type: "text", text: "2" });
    expect(taken.saved).toEqual({ questionId: "children", value: { kind: "integer", value: 2 } });
  });

  it("offers only the options the choice filter keeps for the answers before, and refuses another", () => {
    expect(optionsOffered(city, { region: { kind: "choice", option: "south" } }).map((o) => o.id)).toEqual([
      "shymkent",
      "turkestan",
    ]);
    let state = startResponse(questionnaire, true);
    for (const action of [
      { type: "text", text: "3" },
      { type: "text", text: "1" },
      { type: "choose", option: "north" },
    ] as const) {
      state = applyAction(questionnaire, state, action).state;
    }
    expect(applyAction(questionnaire, state, { type: "choose", option: "shymkent" }).problem).toBe(
      "unknown_option",
    );
    expect(applyAction(questionnaire, state, { type: "choose", option: "astana" }).saved?.value).toEqual({
      kind: "choice",
      option: "astana",
    });
  });

  it("reports an imported row that breaks a constraint or chooses a filtered-out option", () => {
    const rows = [
      ["respondent_id", "wave", "questionnaire", "anonymous", "household", "children", "region", "city"],
      ["p-1", 1, "demo", "yes", 2, 3, "north", "shymkent"],
    ];
    expect(decodeRows(new Map([["demo", questionnaire]]), rows).problems).toEqual([
      { row: 2, column: "children", problem: "the answer breaks the constraint . <= ${household}" },
      { row: 2, column: "city", problem: "an option is chosen that the choice filter does not offer here" },
    ]);
  });
});
