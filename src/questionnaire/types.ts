import type { Language } from "../i18n/translator.ts";
import type { Expression } from "./xlsform/expression.ts";

/** A text of the form by language; a language the form lacks is filled from its default language. */
export type Texts = Partial<Record<Language, string>>;

/**
 * Every question type by its XLSForm name, with the answer it stores and the input problems it alone reports.
 * Each module in `question-types/` declares its own entry (`declare module "../types.ts"`), so a new type
 * is added without an edit here: the model's types cannot import the registry, whose modules import them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: the question type modules fill it in by declaration merging
export interface QuestionTypeDeclarations {}

/** Question types, named after XLSForm's vocabulary. */
export type QuestionType = keyof QuestionTypeDeclarations;

/** The answer a question of type `T` stores (never for a type that stores none). */
export type AnswerOf<T extends QuestionType> = QuestionTypeDeclarations[T]["answer"];

/** The order a rank question asks for; the hint under it and the summary's ranking title name it. */
export type RankOrder = "importance" | "severity" | "frequency";

export interface ChoiceOption {
  /** Stable id: exports, imports and summaries key on it. */
  id: string;
  label: Texts;
  /** Choosing it clears every other option of a select_multiple. */
  exclusive?: boolean;
  /** Choosing it opens a free-text "please specify" follow-up. */
  specify?: boolean;
  /** The choices sheet's other columns, which a choice_filter reads. */
  columns?: Readonly<Record<string, string>>;
}

export interface Question {
  id: string;
  type: QuestionType;
  /** Section the question belongs to (identity, profile, main). */
  section: SectionId;
  /** The question as the expert reads it. */
  label: Texts;
  /** A few words for tables, charts and export headers; the label where the form gives none. */
  short: Texts;
  /** A line under the question; empty when the form gives none. */
  hint: Texts;
  options: ChoiceOption[];
  optional: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** An integer question may be declined with a "prefer not to say" button. */
  preferNotToSay?: boolean;
  /** A rank question's order; without it, the texts speak of "the order asked above". */
  rankBy?: RankOrder;
  /** Asked only when this holds for the answers given before (its group's condition included). */
  relevant?: Expression;
  /** A typed answer is taken only when this holds, `.` standing for the answer. */
  constraint?: Expression;
  /** Said when the constraint refuses an answer; empty for the bot's own words. */
  constraintMessage: Texts;
  /** Offers only the options for which this holds, given the answers before. */
  choiceFilter?: Expression;
}

export type SectionId = "identity" | "profile" | "main";

/** Rank questions are compared between the experts who chose one or the other of two options of `question`. */
export interface GroupComparisonRule {
  question: string;
  options: [string, string];
}

export interface Questionnaire {
  id: string;
  /** As the form's settings write it; a new version of the form changes it. */
  version: string;
  title: Texts;
  description: Texts;
  defaultLanguage: Language;
  questions: Question[];
  /** Profile questions of the sample table (the paper's Table 1), in its order. */
  sampleTable: string[];
  compareBy?: GroupComparisonRule;
}

/** A value as stored for one answered question: its type's answer, or declined. */
export type AnswerValue = AnswerOf<QuestionType> | { kind: "declined" };

/** Answers of one response, keyed by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;
