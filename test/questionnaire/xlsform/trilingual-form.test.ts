import { describe, expect, it } from "vitest";
import { isTrue } from "../../../src/questionnaire/xlsform/expression.ts";
import { readXlsForm } from "../../../src/questionnaire/xlsform/form-reader.ts";
import { EMPLOYMENT_FORM } from "./employment-form.ts";

describe("a trilingual form of another study", () => {
  it("is read with its titles, questions, rank list and conditions in Kazakh, Russian and English", () => {
    const { form, problems, warnings } = readXlsForm(EMPLOYMENT_FORM);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(form).toMatchObject({
      id: "employment",
      version: "3",
      defaultLanguage: "kk",
      languages: ["kk", "ru", "en"],
      titles: { kk: "Жұмыспен қамту", ru: "Занятость", en: "Employment" },
    });
    expect(form!.questions.map((question) => [question.name, question.type, question.groups])).toEqual([
      ["region", "select_one", ["profile"]],
      ["experience", "integer", ["profile"]],
      ["obstacles", "select_multiple", []],
      ["obstacles_rank", "rank", []],
      ["comment", "text", []],
    ]);
    const [, experience, obstacles, rank, comment] = form!.questions;
    expect(experience!.constraintMessages).toEqual({
      kk: "0-ден 60-қа дейін",
      ru: "От 0 до 60",
      en: "From 0 to 60",
    });
    expect(obstacles!.specifyOther).toBe(true);
    expect(rank!.listName).toBe("obstacles");
    expect(rank!.labels.ru).toBe("Расставьте препятствия по важности");
    expect(form!.choiceLists.region!.find((choice) => choice.name === "turkestan")!.labels).toEqual({
      kk: "Түркістан облысы",
      ru: "Туркестанская область",
      en: "Turkestan region",
    });
    expect(isTrue(rank!.relevant!, { answers: { obstacles: ["language"] } })).toBe(false);
    expect(isTrue(rank!.relevant!, { answers: { obstacles: ["language", "wages"] } })).toBe(true);
    expect(isTrue(comment!.relevant!, { answers: { region: "abroad" } })).toBe(false);
    expect(isTrue(experience!.constraint!, { answers: {}, self: 61 })).toBe(false);
  });
});
