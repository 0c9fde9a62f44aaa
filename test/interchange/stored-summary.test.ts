import { describe, expect, it } from "vitest";
import { openStore } from "../../src/db/survey-store.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { summariseStoredWaves } from "../../src/interchange/stored-summary.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { readXlsForm } from "../../src/questionnaire/xlsform/form-reader.ts";
import { summaryPages } from "../../src/report/summary-pages.ts";
import { employmentForm } from "../support/form-workbook.ts";

const translations = Translations.load();
const NOW = new Date("2023-09-01T00:00:00Z");

/** Version 4 asks whether the expert's organisation runs courses, and no longer asks for a comment. */
function version4() {
  const { survey, choices } = employmentForm("4");
  const courses = [
    "integer",
    "courses",
    "Курстар саны",
    "Число курсов",
    "Courses run",
    "",
    "",
    "",
    "yes",
    "",
    "",
    "",
    "",
    "",
  ];
  return employmentForm("4", {
    survey: [...survey.filter((row) => row[1] !== "comment"), courses],
    choices,
  });
}

describe("a summary across waves that ran different versions of a form", () => {
  it("compares a question only between waves that asked it, and names what the versions added and dropped", async () => {
    const stores = await openStore({ path: ":memory:" });
    const install = async (sheets: ReturnType<typeof employmentForm>) => {
      const version = sheets.settings[1]![1]!;
      await stores.forms.install({ formId: "employment", version, sheets }, NOW);
    };
    const submit = (waveId: number, key: string, answers: Answers) =>
      stores.results.insertSubmitted(
        [
          {
            waveId,
            questionnaire: "employment",
            respondentKey: key,
            anonymous: true,
            source: "paper",
            answers,
          },
        ],
        NOW,
      );
    await install(employmentForm("3"));
    await stores.waves.ensureFirstWaves(["employment"], NOW);
    const first = (await stores.waves.openWave("employment"))!;
    await submit(first.id, "a", {
      region: { kind: "choice", option: "almaty" },
      comment: { kind: "text", value: "—" },
    });
    await install(version4());
    const second = await stores.waves.openNext("employment", NOW);
    await submit(second.id, "b", {
      region: { kind: "choice", option: "turkestan" },
      courses: { kind: "integer", value: 2 },
    });

    const latest = questionnaireFromForm(readXlsForm(version4()).form!, {
      otherLabel: translations.inEveryLanguage("other_option"),
    });
    const summary = await summariseStoredWaves(stores, latest, "all");
    expect(summary.versionChanges).toEqual({ added: ["courses"], dropped: ["comment"] });
    const entry = (id: string) => summary.questions.find((question) => question.id === id)!;
    expect(Object.keys(entry("courses").waves)).toEqual(["2"]);
    expect(Object.keys(entry("region").waves)).toEqual(["1", "2"]);
    const region = entry("region");
    expect(
      region.type === "select_one" ? region.change?.map((option) => [option.id, option.pp]) : [],
    ).toEqual([
      ["almaty", -100],
      ["turkestan", 100],
      ["abroad", 0],
    ]);

    const overview = summaryPages(translations.forLanguage("en"), latest, summary)[0]!.text;
    expect(overview).toContain("New in this wave's version of the form (not compared): Courses run");
    expect(overview).toContain("dropped from this version: comment");
  });
});
