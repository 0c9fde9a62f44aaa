import { isName } from "./expression.ts";

/** A choice's name: as a question's, or a number, as forms from Kobo often write (`1`, `2`, `99`). */
const CHOICE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

import type { FormChoice } from "./form.ts";
import { completeTexts, type TextPlace } from "./language-fallback.ts";
import { cellOf, plainHeader, type SheetColumn, textsOf } from "./sheet-columns.ts";
import { readYesNo } from "./yes-no.ts";

export const CHOICES = "choices";

/** Columns of the choices sheet with a meaning of their own, not data for a choice_filter. */
const CHOICE_OWN_COLUMNS = new Set([
  "list_name",
  "list name",
  "name",
  "label",
  "media",
  "image",
  "audio",
  "video",
  "exclusive",
]);

/** Columns of the choices sheet a choice_filter may name. */
export function filterColumns(columns: readonly SheetColumn[]): string[] {
  return columns
    .filter((column) => column.language === undefined && !CHOICE_OWN_COLUMNS.has(column.base))
    .map((column) => column.base);
}

/**
 * Reads the choice lists: every row names its list and a name unique within it, and has a label. An
 * `exclusive` column (yes/no) marks an option that clears every other of a select_multiple ("all of the above").
 * `place` gives the sheet's columns, the form's languages and where problems and warnings go.
 */
export function readChoiceLists(
  rows: readonly (readonly string[])[],
  place: Omit<TextPlace, "row" | "sheet">,
): Record<string, FormChoice[]> {
  const { columns, problems } = place;
  const lists: Record<string, FormChoice[]> = {};
  const listColumn = columns.find((column) => column.base === "list_name" || column.base === "list name");
  const nameHeader = plainHeader(columns, "name");
  const extra = filterColumns(columns);
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (row === 1 || cells.every((cell) => cell.trim() === "")) return;
    const listName = listColumn ? (cells[listColumn.index] ?? "").trim() : "";
    const name = cellOf(cells, columns, "name");
    if (!isName(listName)) {
      problems.push({
        sheet: CHOICES,
        row,
        column: listColumn?.header ?? "list_name",
        message: listName === "" ? "the choice has no list_name" : `“${listName}” is not a valid list name`,
      });
      return;
    }
    if (!CHOICE_NAME.test(name)) {
      problems.push({
        sheet: CHOICES,
        row,
        column: nameHeader,
        message: name === "" ? "the choice has no name" : `“${name}” is not a valid choice name`,
      });
      return;
    }
    const list = lists[listName] ?? [];
    lists[listName] = list;
    if (list.some((choice) => choice.name === name)) {
      problems.push({
        sheet: CHOICES,
        row,
        column: nameHeader,
        message: `the list “${listName}” already has a choice named “${name}”`,
      });
      return;
    }
    const labels = completeTexts(
      textsOf(cells, columns, "label", place.defaultLanguage),
      "label",
      { ...place, sheet: CHOICES, row },
      true,
    );
    const exclusive = readYesNo(cellOf(cells, columns, "exclusive"));
    if (exclusive === undefined) {
      problems.push({
        sheet: CHOICES,
        row,
        column: plainHeader(columns, "exclusive"),
        message: "exclusive is yes or no",
      });
    }
    const data = Object.fromEntries(extra.map((column) => [column, cellOf(cells, columns, column)]));
    list.push({ name, labels, exclusive: exclusive ?? false, columns: data });
  });
  return lists;
}
