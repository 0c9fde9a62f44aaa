import { languageOf, type Translate } from "../i18n/translator.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import type { Question, Questionnaire } from "../questionnaire/types.ts";
import type { SheetCell } from "../report/xlsx.ts";
import type {
  ChoiceQuestionSummary,
  IntegerQuestionSummary,
  QuestionnaireSummary,
  QuestionSummary,
  RankQuestionSummary,
  TextQuestionSummary,
} from "../stats/summarise.ts";

/** p-values keep four decimals so that a significant one does not show as 0. */
const P_DECIMALS = 4;

/** Widths of the summary sheet's columns: number, option label, then figures. */
export const SUMMARY_COLUMN_WIDTHS = [6, 60, 14, 10, 14, 10, 14, 10, 14];

/**
 * A questionnaire's summary as the paper's tables: per question a numbered list of options with the number
 * of experts and the % per wave and the change in percentage points; rankings with mean rank and place per
 * wave and Kendall's W; integer and text questions by wave.
 *
 * @example
 * summaryRows(t, education, summariseQuestionnaire(education, responses, [1, 2]));
 * // […, ["01.", "Lack of electronic documents", 29, 69, 26, 61.9, -7.1], …]
 */
export function summaryRows(
  t: Translate,
  questionnaire: Questionnaire,
  summary: QuestionnaireSummary,
): SheetCell[][] {
  const labels = new FormTexts(languageOf(t));
  const waves = summary.waves.map(String);
  const rows: SheetCell[][] = [
    [t("interchange:summary.title", { title: labels.title(questionnaire) })],
    ["", "", ...waves.flatMap((wave) => [t("interchange:summary.wave", { number: wave }), null])],
    [
      "",
      t("interchange:summary.respondents"),
      ...waves.flatMap((wave) => [summary.respondents[wave] ?? 0, null]),
    ],
  ];
  summary.questions.forEach((entry, index) => {
    const question = questionnaire.questions.find((candidate) => candidate.id === entry.id)!;
    rows.push([], [`${index + 1}.`, `${labels.short(question)}. ${labels.text(question)}`]);
    rows.push(...questionRows(t, labels, question, waves, entry));
  });
  return rows;
}

function questionRows(
  t: Translate,
  labels: FormTexts,
  question: Question,
  waves: string[],
  entry: QuestionSummary,
): SheetCell[][] {
  switch (entry.type) {
    case "select_one":
    case "select_multiple":
      return choiceRows(t, labels, question, waves, entry);
    case "rank":
      return rankRows(t, labels, question, waves, entry);
    case "integer":
      return integerRows(t, waves, entry);
    case "text":
      return textRows(t, waves, entry);
  }
}

function choiceRows(
  t: Translate,
  labels: FormTexts,
  question: Question,
  waves: string[],
  entry: ChoiceQuestionSummary,
): SheetCell[][] {
  const header: SheetCell[] = [
    "№",
    t("interchange:summary.option"),
    ...waves.flatMap((wave) => [
      t("interchange:summary.count", { number: wave }),
      t("interchange:summary.percent", { number: wave }),
    ]),
    ...(entry.change ? [t("interchange:summary.change")] : []),
  ];
  const options = question.options.map((option, index): SheetCell[] => [
    `${String(index + 1).padStart(2, "0")}.`,
    labels.option(question, option.id),
    ...waves.flatMap((wave) => {
      const count = entry.waves[wave]?.options.find((candidate) => candidate.id === option.id);
      return [count?.count ?? null, count?.percent ?? null];
    }),
    ...(entry.change ? [entry.change.find((change) => change.id === option.id)?.pp ?? null] : []),
  ]);
  const shown: SheetCell[] = [
    "",
    t("interchange:summary.shown"),
    ...waves.flatMap((wave) => [entry.waves[wave]?.shown ?? null, null]),
  ];
  return [header, ...options, shown];
}

function rankRows(
  t: Translate,
  labels: FormTexts,
  question: Question,
  waves: string[],
  entry: RankQuestionSummary,
): SheetCell[][] {
  const ranked = (wave: string) => (entry.waves[wave]?.answered ?? 0) > 0;
  const header: SheetCell[] = [
    "№",
    t("interchange:summary.item"),
    ...waves.flatMap((wave) => [
      t("interchange:summary.mean_rank", { number: wave }),
      t("interchange:summary.place", { number: wave }),
    ]),
  ];
  const items = question.options.map((option, index): SheetCell[] => [
    `${String(index + 1).padStart(2, "0")}.`,
    labels.option(question, option.id),
    ...waves.flatMap((wave) => {
      const item = ranked(wave)
        ? entry.waves[wave]?.ranking.find((candidate) => candidate.id === option.id)
        : undefined;
      return [item?.meanRank ?? null, item?.place ?? null];
    }),
  ]);
  const statistic = (
    label: string,
    value: (wave: string) => number | undefined,
    decimals = 3,
  ): SheetCell[] => [
    "",
    label,
    ...waves.flatMap((wave) => {
      const figure = ranked(wave) ? value(wave) : undefined;
      return [figure === undefined ? null : round(figure, decimals), null];
    }),
  ];
  const rows = [
    header,
    ...items,
    statistic(t("interchange:summary.answered"), (wave) => entry.waves[wave]?.answered),
    statistic(t("interchange:summary.kendall_w"), (wave) => entry.waves[wave]?.kendallW),
    statistic(t("interchange:summary.kendall_p"), (wave) => entry.waves[wave]?.p, P_DECIMALS),
  ];
  if (entry.spearman && waves.length >= 2) {
    rows.push(
      [
        "",
        t("interchange:summary.spearman", { from: waves.at(-2), to: waves.at(-1) }),
        round(entry.spearman.rho, 3),
      ],
      ["", t("interchange:summary.spearman_p"), round(entry.spearman.p, P_DECIMALS)],
    );
  }
  return rows;
}

function integerRows(t: Translate, waves: string[], entry: IntegerQuestionSummary): SheetCell[][] {
  const header = ["", "", "mean", "median", "min", "max", "answered"].map((key) =>
    key ? t(`interchange:summary.${key}`) : "",
  );
  return [
    header,
    ...waves.map((wave): SheetCell[] => {
      const figures = entry.waves[wave];
      return [
        "",
        t("interchange:summary.wave", { number: wave }),
        figures?.mean === undefined ? null : round(figures.mean, 1),
        figures?.median ?? null,
        figures?.min ?? null,
        figures?.max ?? null,
        figures?.answered ?? 0,
      ];
    }),
  ];
}

function textRows(t: Translate, waves: string[], entry: TextQuestionSummary): SheetCell[][] {
  return [
    ["", "", t("interchange:summary.answered")],
    ...waves.map((wave): SheetCell[] => [
      "",
      t("interchange:summary.wave", { number: wave }),
      entry.waves[wave]?.answered ?? 0,
    ]),
  ];
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
