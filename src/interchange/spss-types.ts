import type { Translate } from "../i18n/translator.ts";
import type { FormTexts } from "../questionnaire/form-texts.ts";
import type { Answers, AnswerValue, Question } from "../questionnaire/types.ts";

/** A stored response as the SPSS export reads it. */
export interface SpssRecord {
  respondentId: string;
  wave: number;
  anonymous: boolean;
  source: "telegram" | "paper";
  answers: Answers;
}

export type SpssValue = number | string | null;

/** One variable of the SPSS dictionary and how a response fills it (null is system-missing). */
export interface SpssVariable {
  name: string;
  label: string;
  type: "numeric" | "string";
  level: "nominal" | "ordinal" | "scale";
  valueLabels: [number, string][];
  /** The user-missing value: what a declined answer is written as. */
  missing?: number | string;
  value: (record: SpssRecord) => SpssValue;
}

/** A variable before the names of the whole dictionary are made unique: `candidate` is the name it asks for. */
export type SpssVariableDraft = Omit<SpssVariable, "name"> & {
  candidate: string;
  /** A 0/1 variable of one chosen option: the question's such variables make one multiple-dichotomy set. */
  dichotomy?: true;
};

/** What a question type needs to write its SPSS variables. */
export interface SpssContext {
  t: Translate;
  labels: FormTexts;
  question: Question;
  /** The response's answer to the question. */
  answer(record: SpssRecord): AnswerValue | undefined;
  /** The question may be declined ("prefer not to say", or skipped). */
  declinable: boolean;
  /** The numeric code of a declined answer, below any number the question allows. */
  declinedCode: number;
  /** For a numeric variable: the declined code as its missing value, when the question may be declined. */
  declinedMissing: { missing?: number };
  /** For a numeric variable: the declined code's label, when the question may be declined. */
  declinedLabels: [number, string][];
}
