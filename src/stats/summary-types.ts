import type { Answers, QuestionType } from "../questionnaire/types.ts";
import type { SpearmanResult } from "./spearman.ts";

/** How many respondents chose one option, and their share of those shown the question. */
export interface OptionCount {
  id: string;
  count: number;
  /** Share of `shown`, one decimal. */
  percent: number;
}

/** The answers to one choice question in one wave. */
export interface OptionDistribution {
  /** Respondents the question applies to (its condition holds); the denominator of every share. */
  shown: number;
  /** Respondents among `shown` who chose at least one option (declining is not answering). */
  answered: number;
  /** Every option of the question, in questionnaire order, 0 when nobody chose it. */
  options: OptionCount[];
  /** The "please specify" texts given with the answers. */
  other: string[];
}

/** Change of one option's share between two waves. */
export interface OptionChange {
  id: string;
  /** Later share minus earlier share, in percentage points, one decimal. */
  pp: number;
}

/** One submitted response, as the statistics need it. */
export interface ResponseRecord {
  respondentId: string;
  wave: number;
  anonymous: boolean;
  answers: Answers;
}

/** An item of a generalised ranking as published: mean rank rounded to 2 decimals. */
export interface RankingEntry {
  id: string;
  meanRank: number;
  place: number;
}

/** A group's generalised ranking and its concordance; the W fields are absent below 2 rankings. */
export interface RankingStatistics {
  /** Sorted by place, then questionnaire order. */
  ranking: RankingEntry[];
  kendallW?: number;
  chiSquare?: number;
  df?: number;
  p?: number;
  approximationReliable: boolean;
}

export type RankWaveSummary = { shown: number; answered: number } & RankingStatistics;

export interface NumberWaveSummary {
  shown: number;
  answered: number;
  /** The four statistics are absent when nobody answered. */
  mean?: number;
  median?: number;
  min?: number;
  max?: number;
}

export interface TextWaveSummary {
  shown: number;
  answered: number;
  texts: string[];
}

/** Keyed by wave number as a string ("1", "2"). */
export type ByWave<T> = Record<string, T>;

export interface ChoiceQuestionSummary {
  id: string;
  type: "select_one" | "select_multiple";
  waves: ByWave<OptionDistribution>;
  /** Last wave against the one before; absent with one wave. */
  change?: OptionChange[];
}

export interface RankQuestionSummary {
  id: string;
  type: "rank";
  waves: ByWave<RankWaveSummary>;
  /** Mean ranks of the last wave against the one before; absent with one wave or when rho has no p. */
  spearman?: { rho: number; p: number };
}

/**
 * The type of a question summarised as numbers or texts: any type but the option types, so a new type of
 * these shapes needs no change here and a summary still tells its shape by its type.
 */
export type PlainQuestionType = Exclude<
  QuestionType,
  ChoiceQuestionSummary["type"] | RankQuestionSummary["type"]
>;

export interface NumberQuestionSummary {
  id: string;
  type: PlainQuestionType;
  waves: ByWave<NumberWaveSummary>;
}

export interface TextQuestionSummary {
  id: string;
  type: PlainQuestionType;
  waves: ByWave<TextWaveSummary>;
}

export type QuestionSummary =
  | ChoiceQuestionSummary
  | RankQuestionSummary
  | NumberQuestionSummary
  | TextQuestionSummary;

/** The stable JSON contract of a questionnaire's statistics. */
export interface QuestionnaireSummary {
  questionnaire: string;
  /** Wave numbers present, ascending. */
  waves: number[];
  /** Respondents per wave. */
  respondents: ByWave<number>;
  /** In questionnaire order, without the identity block (personal data) and without notes. */
  questions: QuestionSummary[];
  /**
   * When the last two waves ran different versions of the form: the questions only the later version asks,
   * and those only the earlier one asked. A question is compared only between waves that asked it.
   */
  versionChanges?: { added: string[]; dropped: string[] };
}

/** One group of experts in `compareGroups`. */
export type GroupRanking = { group: string; experts: number } & RankingStatistics;

export interface GroupComparison {
  questionId: string;
  /** The groups found, by label; two when there is something to compare. */
  groups: GroupRanking[];
  /** Spearman's rho between the two groups' mean ranks; absent unless both groups ranked. */
  spearman?: SpearmanResult;
}
