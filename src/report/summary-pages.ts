import { languageOf, type Translate } from "../i18n/translator.ts";
import { findQuestion } from "../questionnaire/engine.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import { shapedSummary } from "../questionnaire/question-types/registry.ts";
import type { Question, Questionnaire } from "../questionnaire/types.ts";
import type {
  GroupComparison,
  OptionDistribution,
  QuestionnaireSummary,
  QuestionSummary,
  RankingStatistics,
  TextWaveSummary,
} from "../stats/summary-types.ts";
import { rating } from "../stats/wave-change.ts";
import type { BarChartSpec } from "./charts.ts";

/** One page of a summary as a coordinator pages through it: plain text and, where it helps, a chart. */
export interface SummaryPage {
  text: string;
  chart?: BarChartSpec;
}

const MAX_TEXTS = 8;
const MAX_TEXT_LENGTH = 200;
const SIGNIFICANCE = 0.05;

/**
 * The pages of a summary: an overview (respondents and the leading answer of every question), then one page
 * per question with every option, the change between waves, rankings and their agreement in plain words.
 *
 * @example
 * const pages = summaryPages(t, education, summariseQuestionnaire(education, responses));
 * pages[0].text; // "Education: summary\nRespondents: wave 1: 42, wave 2: 42\n…"
 */
export function summaryPages(
  t: Translate,
  questionnaire: Questionnaire,
  summary: QuestionnaireSummary,
  groupComparisons: readonly GroupComparison[] = [],
): SummaryPage[] {
  const labels = new SummaryLabels(t, questionnaire);
  const title = labels.texts.title(questionnaire);
  const total = Object.values(summary.respondents).reduce((sum, count) => sum + count, 0);
  if (total === 0)
    return [{ text: [overviewText(labels, title, summary), t("coordinator:no_responses")].join("\n") }];
  const pages = summary.questions.map((question) => {
    const page = questionPage(labels, summary, question);
    const comparisons = groupComparisons.filter((comparison) => comparison.questionId === question.id);
    if (comparisons.length === 0) return page;
    return { ...page, text: [page.text, "", ...groupLines(labels, comparisons)].join("\n") };
  });
  const overview: SummaryPage = { text: overviewText(labels, title, summary) };
  return [overview, ...pages].map((page, index, all) => ({
    ...page,
    text: `${t("coordinator:page", { title, page: index + 1, pages: all.length })}\n\n${page.text}`,
  }));
}

class SummaryLabels {
  readonly texts: FormTexts;

  constructor(
    readonly t: Translate,
    private readonly questionnaire: Questionnaire,
  ) {
    this.texts = new FormTexts(languageOf(t));
  }

  has(id: string): boolean {
    return findQuestion(this.questionnaire, id) !== undefined;
  }

  question(id: string): Question {
    return findQuestion(this.questionnaire, id)!;
  }

  short(id: string): string {
    return this.texts.short(this.question(id));
  }

  text(id: string): string {
    return this.texts.text(this.question(id));
  }

  option(questionId: string, optionId: string): string {
    return this.texts.option(this.question(questionId), optionId);
  }

  /** A group of the questionnaire's comparison rule, by the option its experts chose. */
  groupOption(optionId: string): string {
    const rule = this.questionnaire.compareBy;
    return rule ? this.option(rule.question, optionId) : optionId;
  }

  waves(values: Record<string, number>): string {
    return Object.entries(values)
      .map(([wave, count]) => `${this.t("coordinator:wave", { number: wave })}: ${count}`)
      .join(", ");
  }
}

function overviewText(labels: SummaryLabels, title: string, summary: QuestionnaireSummary): string {
  const t = labels.t;
  const lines = [
    t("coordinator:overview.title", { title }),
    t("coordinator:overview.respondents", { counts: labels.waves(summary.respondents) }),
  ];
  const changes = summary.versionChanges;
  if (changes?.added.length) {
    const names = changes.added.filter((id) => labels.has(id)).map((id) => labels.short(id));
    lines.push(t("coordinator:overview.added", { names: names.join("; ") }));
  }
  if (changes?.dropped.length)
    lines.push(t("coordinator:overview.dropped", { names: changes.dropped.join(", ") }));
  const last = String(summary.waves.at(-1));
  if (!summary.respondents[last]) return lines.join("\n");
  lines.push("", t("coordinator:overview.leading"));
  for (const entry of summary.questions) {
    const shaped = shapedSummary(entry);
    if (shaped.shape === "choices") {
      const question = shaped.entry;
      const leader = question.waves[last] && rating(question.waves[last].options)[0];
      if (!leader) continue;
      const change = question.change?.find((entry) => entry.id === leader.id);
      const shift = change ? ` (${t("coordinator:change", { pp: signed(change.pp) })})` : "";
      lines.push(
        `• ${labels.short(question.id)}: ${labels.option(question.id, leader.id)} ${percentText(leader.percent)}${shift}`,
      );
    } else if (shaped.shape === "ranking") {
      const top = shaped.entry.waves[last]?.ranking[0];
      if (top) lines.push(`• ${labels.short(entry.id)}: 1. ${labels.option(entry.id, top.id)}`);
    }
  }
  return lines.join("\n");
}

function questionPage(
  labels: SummaryLabels,
  summary: QuestionnaireSummary,
  question: QuestionSummary,
): SummaryPage {
  const t = labels.t;
  const short = labels.short(question.id);
  const text = labels.text(question.id);
  // A form without short labels names each question by its label alone, which needs saying once.
  const head = short === text ? [text] : [short, text];
  const shown = Object.fromEntries(Object.entries(question.waves).map(([wave, data]) => [wave, data.shown]));
  head.push(t("coordinator:shown", { counts: labels.waves(shown) }), "");
  const shaped = shapedSummary(question);
  switch (shaped.shape) {
    case "choices":
      return choicePage(labels, summary, question.id, shaped.entry.waves, shaped.entry.change, head);
    case "ranking":
      return rankPage(labels, summary, question.id, shaped.entry.waves, shaped.entry.spearman, head);
    case "numbers": {
      const lines = Object.entries(shaped.entry.waves).map(([wave, data]) =>
        data.mean === undefined
          ? `${t("coordinator:wave", { number: wave })}: —`
          : t("coordinator:integer_line", {
              wave,
              mean: data.mean.toFixed(1),
              median: data.median,
              min: data.min,
              max: data.max,
              answered: data.answered,
            }),
      );
      return { text: [...head, ...lines].join("\n") };
    }
    case "texts":
      return {
        text: [
          ...head,
          ...Object.entries(shaped.entry.waves).flatMap(([wave, data]) => textLines(t, wave, data)),
        ].join("\n"),
      };
    default: {
      const unreachable: never = shaped;
      throw new Error(`no page for ${JSON.stringify(unreachable)}`);
    }
  }
}

function choicePage(
  labels: SummaryLabels,
  summary: QuestionnaireSummary,
  questionId: string,
  waves: Record<string, OptionDistribution>,
  change: { id: string; pp: number }[] | undefined,
  head: string[],
): SummaryPage {
  const t = labels.t;
  const waveKeys = summary.waves.map(String).filter((wave) => waves[wave]);
  const last = waves[waveKeys.at(-1)!]!;
  const lines = rating(last.options).map((option) => {
    const values = waveKeys.map((wave) => {
      const entry = waves[wave]!.options.find((candidate) => candidate.id === option.id)!;
      return `${percentText(entry.percent)} (${entry.count})`;
    });
    const pp = change?.find((entry) => entry.id === option.id);
    const shift = pp ? `, ${t("coordinator:change", { pp: signed(pp.pp) })}` : "";
    return `• ${t("coordinator:option_line", { label: labels.option(questionId, option.id), values: values.join(" → ") })}${shift}`;
  });
  const others = waveKeys.flatMap((wave) => waves[wave]!.other);
  if (others.length > 0)
    lines.push(
      "",
      t("coordinator:other_texts"),
      ...others.slice(0, MAX_TEXTS).map((text) => `– ${clip(text)}`),
    );
  const categories = last.options.map((option) => labels.option(questionId, option.id));
  return {
    text: [...head, ...lines].join("\n"),
    chart: {
      title: labels.short(questionId),
      unit: "%",
      categories,
      series: waveKeys.map((wave) => ({
        name: t("coordinator:chart_wave", { number: wave }),
        values: last.options.map(
          (option) => waves[wave]!.options.find((entry) => entry.id === option.id)?.percent ?? 0,
        ),
      })),
    },
  };
}

function rankPage(
  labels: SummaryLabels,
  summary: QuestionnaireSummary,
  questionId: string,
  waves: Record<string, RankingStatistics>,
  spearman: { rho: number; p: number } | undefined,
  head: string[],
): SummaryPage {
  const t = labels.t;
  const waveKeys = summary.waves.map(String).filter((wave) => waves[wave]);
  const lines: string[] = [];
  const { rankBy } = labels.question(questionId);
  const title = rankBy ? `coordinator:ranking_title_${rankBy}` : "coordinator:ranking_title";
  for (const wave of waveKeys) {
    const statistics = waves[wave]!;
    lines.push(t(title, { wave }));
    for (const entry of statistics.ranking) {
      lines.push(
        t("coordinator:ranking_line", {
          place: entry.place,
          label: labels.option(questionId, entry.id),
          meanRank: entry.meanRank.toFixed(2),
        }),
      );
    }
    lines.push(...agreementLines(t, statistics), "");
  }
  if (spearman && waveKeys.length >= 2) {
    lines.push(
      t("coordinator:spearman", {
        from: waveKeys.at(-2),
        to: waveKeys.at(-1),
        rho: spearman.rho.toFixed(2),
        p: pText(spearman.p),
      }),
    );
  }
  const ids = waves[waveKeys.at(-1)!]!.ranking.map((entry) => entry.id);
  return {
    text: [...head, ...lines].join("\n").trim(),
    chart: {
      title: t("coordinator:chart_mean_rank", { title: labels.short(questionId) }),
      unit: "rank",
      lowerIsBetter: true,
      categories: ids.map((id) => labels.option(questionId, id)),
      series: waveKeys.map((wave) => ({
        name: t("coordinator:chart_wave", { number: wave }),
        values: ids.map((id) => waves[wave]!.ranking.find((entry) => entry.id === id)?.meanRank ?? 0),
      })),
    },
  };
}

function groupLines(labels: SummaryLabels, comparisons: readonly GroupComparison[]): string[] {
  const t = labels.t;
  const name = (group: string) =>
    group === "anonymous" || group === "named" ? t(`coordinator:groups.${group}`) : labels.groupOption(group);
  const lines = [t("coordinator:groups.title")];
  for (const comparison of comparisons) {
    const [first, second] = comparison.groups;
    if (!first || !second) continue;
    const values = {
      first: name(first.group),
      firstCount: first.experts,
      second: name(second.group),
      secondCount: second.experts,
    };
    const { rho, p } = comparison.spearman ?? {};
    lines.push(
      rho === undefined || p === undefined
        ? t("coordinator:groups.too_few", values)
        : t("coordinator:groups.line", { ...values, rho: rho.toFixed(2), p: pText(p) }),
    );
  }
  return lines.length > 1 ? lines : [];
}

/** Kendall's W in figures and in words, as in "experts agree moderately, W = 0.41, p < 0.001". */
export function agreementLines(t: Translate, statistics: RankingStatistics): string[] {
  const { kendallW: w, chiSquare, df, p } = statistics;
  if (w === undefined || chiSquare === undefined || p === undefined) return [];
  const agreement = `${t(`coordinator:agreement.${agreementLevel(w)}`)}; ${t(p < SIGNIFICANCE ? "coordinator:significant" : "coordinator:not_significant")}`;
  const lines = [
    t("coordinator:kendall", {
      w: w.toFixed(2),
      chiSquare: chiSquare.toFixed(1),
      df,
      p: pText(p),
      agreement,
    }),
  ];
  if (!statistics.approximationReliable) lines.push(t("coordinator:unreliable"));
  return lines;
}

function agreementLevel(w: number): string {
  if (w < 0.1) return "none";
  if (w < 0.3) return "weak";
  if (w < 0.5) return "moderate";
  if (w < 0.7) return "strong";
  return "very_strong";
}

function textLines(t: Translate, wave: string, data: TextWaveSummary): string[] {
  const lines = [
    `${t("coordinator:wave", { number: wave })} · ${t("coordinator:texts_title", { count: data.texts.length })}`,
  ];
  lines.push(...data.texts.slice(0, MAX_TEXTS).map((text) => `– ${clip(text)}`));
  if (data.texts.length > MAX_TEXTS)
    lines.push(t("coordinator:texts_more", { count: data.texts.length - MAX_TEXTS }));
  return [...lines, ""];
}

function pText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(p < 0.01 ? 4 : 3)}`;
}

function percentText(value: number): string {
  return `${value.toFixed(1)}%`;
}

function signed(value: number): string {
  return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
}

function clip(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1)}…` : text;
}
