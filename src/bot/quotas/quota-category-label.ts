import type { Translate } from "../../i18n/translator.ts";
import { findQuestion } from "../../questionnaire/engine.ts";
import type { Questionnaire } from "../../questionnaire/types.ts";
import type { QuotaCategory } from "../../quotas/quota-category.ts";
import { optionLabel, questionTitle } from "../screens/labels.ts";

/** A quota category in words, e.g. "Role: Social educator" or "All experts". */
export function categoryLabel(t: Translate, questionnaire: Questionnaire, category: QuotaCategory): string {
  if (category.kind === "total") return t("quotas:quota.total");
  const question = findQuestion(questionnaire, category.question);
  if (!question) return `${category.question}=${category.option}`;
  return `${questionTitle(t, question)}: ${optionLabel(t, question, category.option)}`;
}
