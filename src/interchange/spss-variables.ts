import { languageOf, type Translate } from "../i18n/translator.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import type { Answers, Question, Questionnaire } from "../questionnaire/types.ts";
import { DECLINED_CELL } from "./interchange-cells.ts";
import { answerColumns } from "./interchange-columns.ts";
import { spssVariableNames } from "./spss-names.ts";

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

/** A multiple-dichotomy set: the 0/1 variables of one select_multiple question, counted at 1. */
export interface DichotomySet {
  name: string;
  label: string;
  variables: string[];
}

export interface SpssDictionary {
  variables: SpssVariable[];
  sets: DichotomySet[];
}

/** A numeric answer no option code, place or allowed number can take. */
const DECLINED_CODE = -99;
const SOURCE_CODES = { telegram: 1, paper: 2 } as const;

type Unnamed = Omit<SpssVariable, "name"> & { candidate: string };

/**
 * The SPSS dictionary of a questionnaire in the reader's language: respondent_id, wave, anonymous and source,
 * then its questions in interchange order. select_one and integer are numeric (an option is its position in
 * the list, from 1); select_multiple is one 0/1 variable per option, grouped into a dichotomy set; rank is
 * one variable per option holding its place, empty when unranked; texts and "please specify" texts are
 * strings. A declined answer is -99 (or `declined` for a text), declared missing.
 *
 * @example
 * spssDictionary(t, education, [1, 2]).variables.map((variable) => variable.name).slice(0, 5);
 * // ["respondent_id", "wave", "anonymous", "source", "full_name"]
 */
export function spssDictionary(t: Translate, questionnaire: Questionnaire, waves: number[]): SpssDictionary {
  const labels = new FormTexts(languageOf(t));
  const unnamed: Unnamed[] = [
    {
      candidate: "respondent_id",
      label: t("interchange:codebook.respondent_id"),
      type: "string",
      level: "nominal",
      valueLabels: [],
      value: (record) => record.respondentId,
    },
    {
      candidate: "wave",
      label: t("interchange:codebook.wave"),
      type: "numeric",
      level: "ordinal",
      valueLabels: waves.map((wave) => [wave, t("interchange:summary.wave", { number: wave })]),
      value: (record) => record.wave,
    },
    {
      candidate: "anonymous",
      label: t("interchange:codebook.anonymous"),
      type: "numeric",
      level: "nominal",
      valueLabels: [
        [0, t("coordinator:groups.named")],
        [1, t("coordinator:groups.anonymous")],
      ],
      value: (record) => (record.anonymous ? 1 : 0),
    },
    {
      candidate: "source",
      label: t("interchange:spss.source"),
      type: "numeric",
      level: "nominal",
      valueLabels: [
        [SOURCE_CODES.telegram, t("interchange:spss.telegram")],
        [SOURCE_CODES.paper, t("interchange:spss.paper")],
      ],
      value: (record) => SOURCE_CODES[record.source],
    },
  ];
  const setMembers: { question: Question; from: number; to: number }[] = [];
  for (const column of answerColumns(questionnaire)) {
    const from = unnamed.length;
    unnamed.push(...questionVariables(t, labels, column.question, column.part));
    if (column.question.type === "select_multiple" && column.part === "value") {
      setMembers.push({ question: column.question, from, to: unnamed.length });
    }
  }
  const names = spssVariableNames(unnamed.map((variable) => variable.candidate));
  const variables = unnamed.map(({ candidate: _, ...variable }, index) => ({
    ...variable,
    name: names[index]!,
  }));
  const setNames = spssVariableNames(setMembers.map(({ question }) => question.id));
  const sets = setMembers.map(({ question, from, to }, index) => ({
    name: `$${setNames[index]}`,
    label: labels.text(question),
    variables: names.slice(from, to),
  }));
  return { variables, sets };
}

function questionVariables(
  t: Translate,
  labels: FormTexts,
  question: Question,
  part: "value" | "other",
): Unnamed[] {
  const answer = (record: SpssRecord) => record.answers[question.id];
  const declinable = question.optional || question.preferNotToSay === true;
  // Below the smallest number the question allows, so a declined answer never reads as a real one.
  const declinedCode = Math.min(DECLINED_CODE, (question.min ?? 0) - 1);
  const declined = declinable ? { missing: declinedCode } : {};
  const declinedLabel: [number, string][] = declinable
    ? [[declinedCode, t("interchange:codebook.declined")]]
    : [];
  if (part === "other") {
    const specify = question.options.find((option) => option.specify)!;
    return [
      {
        candidate: `${question.id}_other_text`,
        label: t("interchange:spss.other_text", {
          question: labels.short(question),
          option: labels.option(question, specify.id),
        }),
        type: "string",
        level: "nominal",
        valueLabels: [],
        value: (record) => {
          const given = answer(record);
          return (given?.kind === "choice" || given?.kind === "choices") && given.other ? given.other : null;
        },
      },
    ];
  }
  const optionLabel = (id: string) => `${labels.short(question)}: ${labels.option(question, id)}`;
  switch (question.type) {
    case "select_one":
      return [
        {
          candidate: question.id,
          label: labels.text(question),
          type: "numeric",
          level: "nominal",
          valueLabels: [
            ...question.options.map((option, index): [number, string] => [
              index + 1,
              labels.option(question, option.id),
            ]),
            ...declinedLabel,
          ],
          ...declined,
          value: (record) => {
            const given = answer(record);
            if (given?.kind === "declined") return declinedCode;
            if (given?.kind !== "choice") return null;
            return question.options.findIndex((option) => option.id === given.option) + 1 || null;
          },
        },
      ];
    case "select_multiple":
      return question.options.map((option) => ({
        candidate: `${question.id}_${option.id}`,
        label: optionLabel(option.id),
        type: "numeric",
        level: "nominal",
        valueLabels: [
          [0, t("interchange:spss.not_chosen")],
          [1, t("interchange:spss.chosen")],
          ...declinedLabel,
        ],
        ...declined,
        value: (record) => {
          const given = answer(record);
          if (given?.kind === "declined") return declinedCode;
          if (given?.kind !== "choices") return null;
          return given.options.includes(option.id) ? 1 : 0;
        },
      }));
    case "rank":
      return question.options.map((option) => ({
        candidate: `${question.id}_${option.id}`,
        label: optionLabel(option.id),
        type: "numeric",
        level: "ordinal",
        valueLabels: declinedLabel,
        ...declined,
        value: (record) => {
          const given = answer(record);
          if (given?.kind === "declined") return declinedCode;
          if (given?.kind !== "rank") return null;
          return given.order.indexOf(option.id) + 1 || null;
        },
      }));
    case "integer":
      return [
        {
          candidate: question.id,
          label: labels.text(question),
          type: "numeric",
          level: "scale",
          valueLabels: declinedLabel,
          ...declined,
          value: (record) => {
            const given = answer(record);
            if (given?.kind === "declined") return declinedCode;
            return given?.kind === "integer" ? given.value : null;
          },
        },
      ];
    case "text":
      return [
        {
          candidate: question.id,
          label: labels.text(question),
          type: "string",
          level: "nominal",
          valueLabels: [],
          ...(declinable ? { missing: DECLINED_CELL } : {}),
          value: (record) => {
            const given = answer(record);
            if (given?.kind === "declined") return DECLINED_CELL;
            return given?.kind === "text" ? given.value : null;
          },
        },
      ];
  }
}
