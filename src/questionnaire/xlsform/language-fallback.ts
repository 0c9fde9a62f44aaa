import type { Language } from "../../i18n/translator.ts";
import type { FormProblem, Texts } from "./form.ts";
import { headerFor, type SheetColumn } from "./sheet-columns.ts";

/** Where texts were read and in which languages the form speaks, to complete them. */
export interface TextPlace {
  sheet: string;
  row: number;
  columns: readonly SheetColumn[];
  languages: readonly Language[];
  defaultLanguage: Language;
  problems: FormProblem[];
  warnings: FormProblem[];
}

/**
 * Gives every language of the form a text: one missing in a language falls back to the default language's with
 * a warning. Texts without the default language are a problem (they have nothing to fall back to), and so are
 * no texts at all where they are `required`.
 */
export function completeTexts(texts: Texts, base: string, place: TextPlace, required: boolean): Texts {
  const { sheet, row, columns, defaultLanguage } = place;
  const defaultHeader = headerFor(columns, base, defaultLanguage, defaultLanguage);
  const fallback = texts[defaultLanguage];
  if (fallback === undefined) {
    const given = Object.keys(texts);
    if (given.length === 0 && !required) return texts;
    place.problems.push({
      sheet,
      row,
      column: defaultHeader,
      message:
        given.length === 0
          ? `no ${base} in any language`
          : `no ${base} in ${defaultLanguage}, the default language (given in ${given.join(", ")})`,
    });
    return texts;
  }
  const complete: Texts = { ...texts };
  for (const language of place.languages) {
    if (complete[language] !== undefined) continue;
    complete[language] = fallback;
    place.warnings.push({
      sheet,
      row,
      column: headerFor(columns, base, language, defaultLanguage),
      message: `no ${base} in ${language}; the ${defaultLanguage} text is used`,
    });
  }
  return complete;
}
