/*
 * Convention: a text cell that starts with = + - @ tab or CR, possibly after apostrophes, gets one more
 * apostrophe in front when written, so a spreadsheet shows it as text instead of running it as a formula.
 * Reading removes exactly one leading apostrophe from a text cell that starts with one or more apostrophes
 * followed by one of those characters. Writing then reading gives back the original text, including text
 * that itself began with an apostrophe.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const RESTORABLE = /^'+[=+\-@\t\r]/;

/**
 * Prefixes a text cell that a spreadsheet could run as a formula with `'`.
 *
 * @example
 * neutraliseFormula("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula("Шымкент"); // "Шымкент"
 */
export function neutraliseFormula(cell: string): string {
  return GUARDED.test(cell) ? `'${cell}` : cell;
}

/**
 * Undoes {@link neutraliseFormula} on a text cell read back from a file.
 *
 * @example
 * restoreFormula("'=1+2"); // "=1+2"
 * restoreFormula("'quoted"); // "'quoted"
 */
export function restoreFormula(cell: string): string {
  return RESTORABLE.test(cell) ? cell.slice(1) : cell;
}
