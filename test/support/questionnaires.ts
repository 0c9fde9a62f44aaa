import { languageOf, type Translate, Translations } from "../../src/i18n/translator.ts";
import { readFormFile, studyFormFiles } from "../../src/interchange/study-forms.ts";
import { FormTexts } from "../../src/questionnaire/form-texts.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";

const conversion = { otherLabel: Translations.load().inEveryLanguage("other_option") };

/** The study's questionnaires read straight from their files, without a database. */
export const questionnaires = new Map<string, Questionnaire>();
for (const path of studyFormFiles()) {
  const { form } = await readFormFile(path);
  questionnaires.set(form.id, questionnaireFromForm(form, conversion));
}

export function questionnaire(id: "education" | "healthcare"): Questionnaire {
  return questionnaires.get(id)!;
}

/**
 * A study form's text in the language of `t`, by a path: `titles.education`,
 * `questions.education.edu_role.text` (or `.short`), `choices.region.other` (the option of the question of
 * that name, or of any question offering it).
 */
export function studyText(t: Translate, path: string): string {
  const texts = new FormTexts(languageOf(t));
  const [kind = "", first = "", second = "", third = ""] = path.split(".");
  const all = [...questionnaires.values()];
  const questionById = (id: string) =>
    all.flatMap((candidate) => candidate.questions).find((question) => question.id === id);
  if (kind === "titles") return texts.title(questionnaires.get(first)!);
  if (kind === "questions") {
    const question = questionById(second)!;
    return third === "short" ? texts.short(question) : texts.text(question);
  }
  const question =
    questionById(first) ??
    all.flatMap((candidate) => candidate.questions).find((q) => q.options.some((o) => o.id === second))!;
  return texts.option(question, second);
}
