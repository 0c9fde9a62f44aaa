/** Question types, named after XLSForm's vocabulary. */
export type QuestionType =
  | "select_one"
  | "select_multiple"
  | "rank"
  | "integer"
  | "decimal"
  | "text"
  | "note";

/** The order a rank question asks for; the hint under it and the summary's ranking title name it. */
export type RankOrder = "importance" | "severity" | "frequency";

export interface ChoiceOption {
  /** Stable id: exports, imports and summaries key on it. */
  id: string;
  /** Choosing it clears every other option of a select_multiple. */
  exclusive?: boolean;
  /** Choosing it opens a free-text "please specify" follow-up. */
  specify?: boolean;
}

/** Shown only when the named earlier question was answered with one of `anyOf`. */
export interface Condition {
  question: string;
  anyOf: string[];
}

export interface Question {
  id: string;
  type: QuestionType;
  /** Section the question belongs to (identity, profile, main). */
  section: SectionId;
  /** Owner of the locale keys: "common" or the questionnaire id. */
  textOwner: string;
  /** Name of the choice list, for select_one, select_multiple and rank. */
  choices?: string;
  options: ChoiceOption[];
  optional: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** An integer question may be declined with a "prefer not to say" button. */
  preferNotToSay?: boolean;
  /** A rank question's order; without it, the texts speak of "the order asked above". */
  rankBy?: RankOrder;
  relevant?: Condition;
}

export type SectionId = "identity" | "profile" | "main";

export interface Questionnaire {
  id: string;
  version: number;
  questions: Question[];
}

/** A value as stored for one answered question. */
export type AnswerValue =
  | { kind: "choice"; option: string; other?: string }
  | { kind: "choices"; options: string[]; other?: string }
  | { kind: "rank"; order: string[] }
  | { kind: "integer"; value: number }
  | { kind: "decimal"; value: number }
  | { kind: "text"; value: string }
  | { kind: "declined" };

/** Answers of one response, keyed by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;
