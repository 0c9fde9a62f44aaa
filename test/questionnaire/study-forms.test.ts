import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, Translations } from "../../src/i18n/translator.ts";
import { cellText } from "../../src/interchange/interchange-cells.ts";
import { readWorkbookTables } from "../../src/interchange/read-table-file.ts";
import { loadQuestionnaires } from "../../src/questionnaire/loader.ts";
import type { Question, Questionnaire } from "../../src/questionnaire/types.ts";
import { isTrue } from "../../src/questionnaire/xlsform/expression.ts";
import { describeProblem, type FormQuestion, type XlsForm } from "../../src/questionnaire/xlsform/form.ts";
import { readXlsForm } from "../../src/questionnaire/xlsform/form-reader.ts";

const FORMS_DIR = fileURLToPath(new URL("../../questionnaires/", import.meta.url));
const translations = Translations.load();
const questionnaires = loadQuestionnaires();

/** The workbook read as `questionnaire check` reads it: every sheet through the import limits, cells as text. */
async function readStudyForm(id: string) {
  const file = await readWorkbookTables(readFileSync(`${FORMS_DIR}${id}.xlsx`));
  if (!file.ok) throw new Error(`questionnaires/${id}.xlsx cannot be read: ${JSON.stringify(file)}`);
  const sheets = Object.fromEntries(
    file.tables.map((table) => [
      table.sheet ?? "",
      table.rows.map((row) => Array.from(row, (cell) => cellText(cell ?? null))),
    ]),
  );
  return readXlsForm(sheets);
}

describe.each(["education", "healthcare"])("the %s questionnaire's XLSForm file", (id) => {
  let form: XlsForm;
  let today: Questionnaire;
  /** Today's question and the form's question of the same position, for every position. */
  let pairs: [Question, FormQuestion][];

  beforeAll(async () => {
    const reading = await readStudyForm(id);
    expect(reading.problems.map(describeProblem)).toEqual([]);
    expect(reading.warnings.map(describeProblem)).toEqual([]);
    form = reading.form!;
    today = questionnaires.get(id)!;
    pairs = today.questions.map((question, index) => [question, form.questions[index]!]);
  });

  const optionsOf = (question: FormQuestion) => form.choiceLists[question.listName ?? ""] ?? [];

  it("is the form of the same id and version, in Kazakh, Russian and English with Kazakh first", () => {
    expect(form).toMatchObject({ id, version: String(today.version), defaultLanguage: "kk" });
    expect(form.languages).toEqual(["kk", "ru", "en"]);
  });

  it("asks today's questions in today's order, with the same types and sections", () => {
    expect(form.questions.map(({ name, type, section }) => ({ name, type, section }))).toEqual(
      today.questions.map(({ id: name, type, section }) => ({
        name,
        type,
        section: section === "main" ? undefined : section,
      })),
    );
  });

  it("offers today's options in today's order, with the same exclusive and specify options", () => {
    for (const [question, formQuestion] of pairs) {
      expect(
        optionsOf(formQuestion).map((choice) => ({
          id: choice.name,
          exclusive: choice.exclusive,
          specify: choice.name === "other" && formQuestion.specifyOther,
        })),
        question.id,
      ).toEqual(
        question.options.map((option) => ({
          id: option.id,
          exclusive: option.exclusive ?? false,
          specify: option.specify ?? false,
        })),
      );
    }
  });

  it("keeps which questions are required, the rank orders, text lengths and prefer-not-to-say buttons", () => {
    for (const [question, formQuestion] of pairs) {
      expect(formQuestion.required, question.id).toBe(!question.optional);
      expect(formQuestion.parameters, question.id).toEqual({
        ...(question.rankBy ? { rankBy: question.rankBy } : {}),
        ...(question.preferNotToSay ? { preferNotToSay: true } : {}),
        ...(question.maxLength !== undefined ? { maxLength: question.maxLength } : {}),
      });
    }
  });

  it("accepts exactly today's range of every integer question", () => {
    for (const [question, formQuestion] of pairs) {
      if (question.type !== "integer") {
        expect(formQuestion.constraint, question.id).toBeUndefined();
        continue;
      }
      const accepts = (value: number) => isTrue(formQuestion.constraint!, { answers: {}, self: value });
      expect([question.min! - 1, question.min!, question.max!, question.max! + 1].map(accepts)).toEqual([
        false,
        true,
        true,
        false,
      ]);
    }
  });

  it("shows a conditional question after exactly the answers that show it today", () => {
    for (const [question, formQuestion] of pairs) {
      if (!question.relevant) {
        expect(formQuestion.relevant, question.id).toBeUndefined();
        continue;
      }
      const { question: asked, anyOf } = question.relevant;
      const options = today.questions.find((candidate) => candidate.id === asked)!.options;
      expect(
        options.map((option) => isTrue(formQuestion.relevant!, { answers: { [asked]: option.id } })),
        question.id,
      ).toEqual(options.map((option) => anyOf.includes(option.id)));
    }
  });

  it.each(LANGUAGES)("carries every title, description, label and choice label in %s", (language) => {
    const t = translations.forLanguage(language);
    expect(form.titles[language]).toBe(t(`questionnaire:titles.${id}`));
    expect(form.descriptions[language]).toBe(t(`questionnaire:descriptions.${id}`));
    const questionKey = (question: Question) =>
      `questionnaire:questions.${question.textOwner}.${question.id}`;
    expect(pairs.map(([, formQuestion]) => formQuestion.labels[language])).toEqual(
      pairs.map(([question]) => t(`${questionKey(question)}.text`)),
    );
    expect(pairs.map(([, formQuestion]) => formQuestion.shortLabels[language])).toEqual(
      pairs.map(([question]) => t(`${questionKey(question)}.short`)),
    );
    for (const [question, formQuestion] of pairs) {
      expect(
        optionsOf(formQuestion).map((choice) => choice.labels[language]),
        question.id,
      ).toEqual(
        question.options.map((option) => t(`questionnaire:choices.${question.choices}.${option.id}`)),
      );
    }
  });

  it("names the paper's sample table and the two regions whose rankings are compared", () => {
    expect(form.sampleTable).toEqual([
      id === "education" ? "edu_role" : "hc_role",
      "region",
      "experience_years",
    ]);
    expect(form.compareBy).toEqual({ question: "region", options: ["shymkent", "turkestan_region"] });
  });
});
