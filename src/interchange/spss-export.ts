import { languageOf, type Translate } from "../i18n/translator.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { toCsv } from "../report/csv.ts";
import { neutraliseFormula } from "../report/formula-guard.ts";
import { cutToBytes, utf8Bytes } from "./cut-to-bytes.ts";
import { LINE_BREAK_STAND_INS, type SizedVariable, spssSyntax } from "./spss-syntax.ts";
import { type SpssRecord, type SpssValue, type SpssVariable, spssDictionary } from "./spss-variables.ts";

/** What SPSS holds, in bytes: a string value, a variable, value or set label, the file label. */
export const SPSS_LIMITS = { stringBytes: 32767, labelBytes: 255, fileLabelBytes: 64 };

/** A text cut to fit SPSS: where it was, how long it was and how much SPSS keeps. */
export interface SpssCut {
  what: "file label" | "variable label" | "value label" | "set label" | "answer";
  /** The variable or set; absent for the file label. */
  name?: string;
  /** Whose answer was cut. */
  respondentId?: string;
  bytes: number;
  kept: number;
}

export interface SpssFiles {
  /** `<id>.sps`: reads `<id>.csv`, declares every label and saves `<id>.sav`. */
  syntax: string;
  /** `<id>.csv`: one row per response, numbers for options, in the variables' order. */
  data: string;
  cuts: SpssCut[];
}

/**
 * A questionnaire's responses for SPSS, GNU PSPP, R and Stata: a CSV of codes and the syntax that reads it
 * with every label in the reader's language (see {@link spssDictionary}). Texts longer than SPSS holds are
 * cut on a character boundary and listed in `cuts` and at the top of the syntax, never silently.
 *
 * @example
 * const { syntax, data, cuts } = spssFiles(t, education, records, [1, 2]);
 * // write syntax to education.sps and data to education.csv; `pspp education.sps` writes education.sav
 */
export function spssFiles(
  t: Translate,
  questionnaire: Questionnaire,
  records: readonly SpssRecord[],
  waves: number[],
  limits = SPSS_LIMITS,
): SpssFiles {
  const cuts: SpssCut[] = [];
  const cutNoted = (text: string, kept: number, where: Omit<SpssCut, "bytes" | "kept">) => {
    const cut = cutToBytes(text, kept);
    if (cut !== text) cuts.push({ ...where, bytes: utf8Bytes(text), kept });
    return cut;
  };
  const label = (text: string, what: SpssCut["what"], name: string) =>
    cutNoted(text, limits.labelBytes, { what, name });
  const dictionary = spssDictionary(t, questionnaire, waves);
  const fileLabel = cutNoted(new FormTexts(languageOf(t)).title(questionnaire), limits.fileLabelBytes, {
    what: "file label",
  });
  const variables = dictionary.variables.map((variable) => ({
    ...variable,
    label: label(variable.label, "variable label", variable.name),
    valueLabels: variable.valueLabels.map(([code, text]): [number, string] => [
      code,
      label(text, "value label", variable.name),
    ]),
  }));
  const sets = dictionary.sets.map((set) => ({ ...set, label: label(set.label, "set label", set.name) }));
  // One byte is left for the apostrophe that guards a formula-like text in the CSV.
  const keptBytes = limits.stringBytes - 1;
  const rows = records.map((record) =>
    variables.map((variable): SpssValue => {
      const value = variable.value(record);
      if (typeof value !== "string") return value;
      const fitting = cutNoted(value, keptBytes, {
        what: "answer",
        name: variable.name,
        respondentId: record.respondentId,
      });
      return fitting.replaceAll(/[\r\n]/g, (lineBreak) => LINE_BREAK_STAND_INS[lineBreak as "\r" | "\n"]);
    }),
  );
  const sized: SizedVariable[] = variables.map((variable, index) => ({
    ...variable,
    width: width(
      variable,
      rows.map((row) => row[index]!),
    ),
  }));
  const syntax = spssSyntax({
    fileLabel,
    dataFile: `${questionnaire.id}.csv`,
    savFile: `${questionnaire.id}.sav`,
    variables: sized,
    sets,
    notes: cuts.map(describeCut),
  });
  return { syntax, data: toCsv([sized.map((variable) => variable.name), ...rows]), cuts };
}

/** A string's width in bytes as written (formula guard included); a number's in characters, codes included. */
function width(variable: SpssVariable, values: SpssValue[]): number {
  const written = [
    ...values.filter((value) => value !== null),
    ...(variable.missing === undefined ? [] : [variable.missing]),
    ...variable.valueLabels.map(([code]) => code),
  ];
  const sizes = written.map((value) =>
    typeof value === "string" ? utf8Bytes(neutraliseFormula(value)) : String(value).length,
  );
  return Math.max(1, ...sizes);
}

/**
 * One cut in plain words, for the syntax's comments and the command line.
 *
 * @example
 * describeCut({ what: "answer", name: "recommendations", respondentId: "tg-4", bytes: 40000, kept: 32766 });
 * // "answer of tg-4 in recommendations cut from 40000 to 32766 bytes"
 */
export function describeCut(cut: SpssCut): string {
  const where = [
    cut.what,
    ...(cut.respondentId === undefined ? [] : [`of ${cut.respondentId}`]),
    ...(cut.name === undefined ? [] : [`${cut.respondentId === undefined ? "of" : "in"} ${cut.name}`]),
  ].join(" ");
  return `${where} cut from ${cut.bytes} to ${cut.kept} bytes`;
}
