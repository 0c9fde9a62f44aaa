import { languageOf, type Translate } from "../i18n/translator.ts";
import { findQuestion } from "../questionnaire/engine.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import type { SampleRow, SampleTable } from "../stats/sample-table.ts";

const NOT_STATED = "not_stated";

/**
 * The sample table (the paper's Table 1) as text: experts per questionnaire, by the questions the form names
 * for it (role, region, experience), and the share who answered anonymously.
 */
export function sampleText(
  t: Translate,
  questionnaires: ReadonlyMap<string, Questionnaire>,
  table: SampleTable,
  wave: string,
): string {
  const lines = [
    t("coordinator:sample.title", { wave }),
    t("coordinator:sample.total", { count: table.experts }),
  ];
  for (const sample of table.questionnaires) {
    const questionnaire = questionnaires.get(sample.questionnaire)!;
    const texts = new FormTexts(languageOf(t));
    lines.push(
      "",
      t("coordinator:sample.questionnaire", {
        title: texts.title(questionnaire),
        count: sample.experts,
        percent: sample.percentOfAll.toFixed(1),
      }),
      ...sample.profile.flatMap(({ questionId, rows }) => {
        const question = findQuestion(questionnaire, questionId)!;
        const label = (id: string) =>
          id === NOT_STATED ? t("coordinator:sample.not_stated") : texts.option(question, id);
        return block(t, texts.short(question), rows, label);
      }),
      t("coordinator:sample.anonymous", {
        count: sample.anonymous.count,
        percent: sample.anonymous.percent.toFixed(1),
      }),
    );
  }
  return lines.join("\n");
}

function block(t: Translate, title: string, rows: SampleRow[], label: (id: string) => string): string[] {
  const filled = rows.filter((row) => row.count > 0);
  if (filled.length === 0) return [];
  return [
    t("coordinator:sample.block", { title }),
    ...filled.map((row) =>
      t("coordinator:sample.row", {
        label: label(row.id),
        count: row.count,
        percent: row.percent.toFixed(1),
      }),
    ),
  ];
}
