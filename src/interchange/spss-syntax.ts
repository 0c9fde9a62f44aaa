import { cutToBytes } from "./cut-to-bytes.ts";
import { spssVariableNames } from "./spss-names.ts";
import type { SpssVariable } from "./spss-types.ts";
import type { DichotomySet } from "./spss-variables.ts";

/** A variable with its width (bytes of a string, characters of a number) and a number's decimal places. */
export type SizedVariable = SpssVariable & { width: number; decimals: number };

export interface SyntaxInput {
  fileLabel: string;
  /** The CSV the syntax reads and the system file it saves, both in the working folder. */
  dataFile: string;
  savFile: string;
  variables: SizedVariable[];
  sets: DichotomySet[];
  /** Comment lines at the top, e.g. which texts were cut. */
  notes: string[];
}

/** Line breaks inside a text are written as these control characters, since GET DATA reads line by line. */
export const LINE_BREAK_STAND_INS = { "\r": "\u001e", "\n": "\u001f" } as const;

/** Bytes of a quoted piece of syntax per line, well within SPSS's 256-byte syntax lines. */
const QUOTED_PIECE_BYTES = 100;

/**
 * SPSS syntax (read by SPSS and GNU PSPP) that reads `dataFile`, a CSV written by `toCsv` with line breaks
 * replaced by {@link LINE_BREAK_STAND_INS}, gives back texts exactly (formula guards removed, line breaks
 * restored), declares labels, missing values, measurement levels and dichotomy sets, and saves `savFile`.
 *
 * @example
 * spssSyntax({ fileLabel: "Education", dataFile: "education.csv", savFile: "education.sav", … });
 * // "* Encoding: UTF-8.\n…GET DATA /TYPE=TXT …"
 */
export function spssSyntax(input: SyntaxInput): string {
  const { variables } = input;
  const strings = variables.filter((variable) => variable.type === "string").map((variable) => variable.name);
  const labelled = variables.filter((variable) => variable.valueLabels.length > 0);
  const missing = variables.filter((variable) => variable.missing !== undefined);
  const levels = (["nominal", "ordinal", "scale"] as const)
    .map((level) => [level, variables.filter((variable) => variable.level === level)] as const)
    .filter(([, members]) => members.length > 0);
  const commands = [
    "* Encoding: UTF-8.",
    ...input.notes.map((note) => `* ${note.replaceAll(/\s+/g, " ")}.`),
    [
      "GET DATA",
      "  /TYPE=TXT",
      `  /FILE=${quoted(input.dataFile)}`,
      "  /ENCODING='UTF-8'",
      "  /ARRANGEMENT=DELIMITED",
      "  /DELCASE=LINE",
      "  /FIRSTCASE=2",
      "  /DELIMITERS=','",
      `  /QUALIFIER='"'`,
      "  /VARIABLES=",
      ...variables.map((variable) => `    ${variable.name} ${format(variable)}`),
      ".",
    ].join("\n"),
    ...(strings.length > 0
      ? [
          restoreTexts(
            strings,
            variables.map((variable) => variable.name),
          ),
        ]
      : []),
    `FILE LABEL ${quoted(input.fileLabel)}.`,
    list(
      "VARIABLE LABELS",
      variables.map((variable) => `${variable.name} ${quoted(variable.label)}`),
    ),
    ...(labelled.length > 0
      ? [
          list(
            "VALUE LABELS",
            labelled.map((variable) =>
              [
                variable.name,
                ...variable.valueLabels.map(([code, label]) => `  ${code} ${quoted(label)}`),
              ].join("\n    "),
            ),
          ),
        ]
      : []),
    ...(missing.length > 0
      ? [
          list(
            "MISSING VALUES",
            missing.map((variable) => `${variable.name} (${missingValue(variable.missing!)})`),
          ),
        ]
      : []),
    list(
      "VARIABLE LEVEL",
      levels.map(([level, members]) => `${nameList(members.map((m) => m.name))} (${level.toUpperCase()})`),
    ),
    ...input.sets.map(
      (set) =>
        `MRSETS /MDGROUP NAME=${set.name}\n  LABEL=${quoted(set.label)}\n` +
        `  VARIABLES=${nameList(set.variables)}\n  VALUE=1.`,
    ),
    `SAVE OUTFILE=${quoted(input.savFile)}.`,
  ];
  return `${commands.join("\n\n")}\n`;
}

/** Undoes the CSV's formula guard (see formula-guard.ts) and puts the line breaks back. */
function restoreTexts(names: string[], allNames: string[]): string {
  // DO REPEAT's stand-in must not be the name of a variable.
  const text = spssVariableNames([...allNames, "text"]).at(-1)!;
  const guardStarters = ["'='", "'+'", "'-'", "'@'", "X'09'", "X'0D'"].join(", ");
  return [
    `DO REPEAT ${text} = ${nameList(names)}.`,
    `  IF (SUBSTR(${text}, 1, 1) = "'" AND ANY(SUBSTR(LTRIM(${text}, "'"), 1, 1), ${guardStarters}))`,
    `    ${text} = SUBSTR(${text}, 2).`,
    `  COMPUTE ${text} = ${Object.entries(LINE_BREAK_STAND_INS).reduce(
      (expression, [original, standIn]) => `REPLACE(${expression}, ${hex(standIn)}, ${hex(original)})`,
      text,
    )}.`,
    "END REPEAT.",
    "EXECUTE.",
  ].join("\n");
}

function format(variable: SizedVariable): string {
  return variable.type === "string" ? `A${variable.width}` : `F${variable.width}.${variable.decimals}`;
}

function missingValue(value: number | string): string {
  return typeof value === "number" ? String(value) : quoted(value);
}

function list(command: string, entries: string[]): string {
  return `${command}\n    ${entries.join("\n  / ")}\n.`;
}

/** Names a few per line. */
function nameList(names: string[]): string {
  const lines: string[] = [];
  for (let index = 0; index < names.length; index += 4) lines.push(names.slice(index, index + 4).join(" "));
  return lines.join("\n    ");
}

/** A single-quoted string, split into pieces joined by `+` so that no syntax line grows too long. */
function quoted(text: string): string {
  const pieces: string[] = [];
  let rest = text.replaceAll(/[\r\n]+/g, " ");
  do {
    const piece = cutToBytes(rest, QUOTED_PIECE_BYTES);
    pieces.push(`'${piece.replaceAll("'", "''")}'`);
    rest = rest.slice(piece.length);
  } while (rest.length > 0);
  return pieces.join(" +\n      ");
}

/** An ASCII control character as an SPSS hex string, e.g. X'0A'. */
function hex(character: string): string {
  return `X'${character.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}'`;
}
