import type { Translate } from "../i18n/translator.ts";
import { findQuestion } from "../questionnaire/engine.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import type { SampleRow, SampleTable } from "../stats/sample-table.ts";

const NOT_STATED = "not_stated";

/**
 * The sample table (the paper's Table 1) as text: experts per questionnaire, role, region and experience,
 * and the share who answered anonymously.
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
    const optionLabel = (questionId: string) => (id: string) => {
      if (id === NOT_STATED) return t("coordinator:sample.not_stated");
      const question = findQuestion(questionnaire, questionId);
      return question ? t(`questionnaire:choices.${question.choices}.${id}`) : id;
    };
    const role = questionnaire.questions.find((question) => question.id.endsWith("_role"))?.id ?? "";
    lines.push(
      "",
      t("coordinator:sample.questionnaire", {
        title: t(`questionnaire:titles.${sample.questionnaire}`),
        count: sample.experts,
        percent: sample.percentOfAll.toFixed(1),
      }),
      ...section(t, "roles", sample.roles, optionLabel(role)),
      ...section(t, "regions", sample.regions, optionLabel("region")),
      ...section(t, "experience", sample.experience, (id) =>
        id === NOT_STATED ? t("coordinator:sample.not_stated") : id,
      ),
      t("coordinator:sample.anonymous", {
        count: sample.anonymous.count,
        percent: sample.anonymous.percent.toFixed(1),
      }),
    );
  }
  return lines.join("\n");
}

function section(t: Translate, name: string, rows: SampleRow[], label: (id: string) => string): string[] {
  const filled = rows.filter((row) => row.count > 0);
  if (filled.length === 0) return [];
  return [
    t(`coordinator:sample.${name}`),
    ...filled.map((row) =>
      t("coordinator:sample.row", {
        label: label(row.id),
        count: row.count,
        percent: row.percent.toFixed(1),
      }),
    ),
  ];
}
