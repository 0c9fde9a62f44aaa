import { isLanguage, LANGUAGES, type Language } from "../../i18n/translator.ts";
import type { FormProblem, Texts } from "./form.ts";

/** A column of a form sheet, from its header: `label::Қазақша (kk)` is base `label`, language `kk`. */
export interface SheetColumn {
  /** The header as written, for messages. */
  header: string;
  base: string;
  /** Absent for a plain `label`, which speaks the default language. */
  language?: Language;
  index: number;
}

/** The columns of a sheet, with problems in its header row (an unknown language, a repeated column). */
export function readColumns(
  sheet: string,
  header: readonly string[],
  problems: FormProblem[],
): SheetColumn[] {
  const columns: SheetColumn[] = [];
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const written = cell.trim();
    if (written === "") return;
    const [base = "", suffix] = written.split("::", 2).map((part) => part.trim());
    const column: SheetColumn = { header: written, base: base.toLowerCase(), index };
    if (suffix !== undefined) {
      const code = /\(([^()]*)\)$/.exec(suffix)?.[1]?.trim() ?? suffix;
      if (!isLanguage(code)) {
        problems.push({
          sheet,
          row: 1,
          column: written,
          message: `the language “${suffix}” is not one of ${LANGUAGES.join(", ")}; write it as ${base}::Name (code)`,
        });
        return;
      }
      column.language = code;
    }
    const key = `${column.base}::${column.language ?? ""}`;
    if (seen.has(key)) {
      problems.push({ sheet, row: 1, column: written, message: "this column is repeated" });
      return;
    }
    seen.add(key);
    columns.push(column);
  });
  return columns;
}

/** The trimmed cell of a row under the column with this base and no language; "" when there is none. */
export function cellOf(row: readonly string[], columns: readonly SheetColumn[], base: string): string {
  const column = columns.find((candidate) => candidate.base === base && candidate.language === undefined);
  return column ? (row[column.index] ?? "").trim() : "";
}

/** The header of the column with this base and no language as written, or the base when there is none. */
export function plainHeader(columns: readonly SheetColumn[], base: string): string {
  return columns.find((column) => column.base === base && column.language === undefined)?.header ?? base;
}

/** The texts of a row under every column with this base, a plain column counting as the default language. */
export function textsOf(
  row: readonly string[],
  columns: readonly SheetColumn[],
  base: string,
  defaultLanguage: Language,
): Texts {
  const texts: Texts = {};
  for (const column of columns) {
    if (column.base !== base) continue;
    const text = (row[column.index] ?? "").trim();
    if (text !== "") texts[column.language ?? defaultLanguage] = text;
  }
  return texts;
}

/** The header of the column holding `base` in `language`, or how it would be written. */
export function headerFor(
  columns: readonly SheetColumn[],
  base: string,
  language: Language,
  defaultLanguage: Language,
) {
  const column =
    columns.find((candidate) => candidate.base === base && candidate.language === language) ??
    (language === defaultLanguage
      ? columns.find((candidate) => candidate.base === base && candidate.language === undefined)
      : undefined);
  return column?.header ?? `${base}::(${language})`;
}
