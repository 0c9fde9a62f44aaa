import { Translations } from "../../src/i18n/translator.ts";
import { loadFormFiles } from "../../src/interchange/form-workbook.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";

export const questionnaires = await loadFormFiles({
  otherLabel: Translations.load().inEveryLanguage("other_option"),
});

export function questionnaire(id: "education" | "healthcare"): Questionnaire {
  return questionnaires.get(id)!;
}
