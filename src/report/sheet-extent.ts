/** The furthest row and column a worksheet's XML names. */
export interface SheetExtent {
  rows: number;
  columns: number;
}

const REFERENCE_ATTRIBUTE = /\s(?:r|ref|sqref)="([^"]*)"/g;
const CELL_REFERENCE = /([A-Z]{0,3})(\d{1,9})/g;

/**
 * How far a worksheet reaches by what its XML declares and addresses: the `<dimension ref>`, every row's and
 * cell's `r`, merged ranges and other `ref`/`sqref` ranges. Read before a workbook is loaded, it lets a sheet
 * that claims a cell at A1048576 or in column XFD be refused before any row or cell is built for it.
 *
 * @example
 * sheetExtent('<dimension ref="A1:XFD3"/><row r="3"><c r="XFD3"/></row>'); // { rows: 3, columns: 16384 }
 */
export function sheetExtent(xml: string): SheetExtent {
  const extent: SheetExtent = { rows: 0, columns: 0 };
  for (const [, value] of xml.matchAll(REFERENCE_ATTRIBUTE)) {
    for (const [, letters, digits] of (value ?? "").matchAll(CELL_REFERENCE)) {
      extent.rows = Math.max(extent.rows, Number(digits));
      extent.columns = Math.max(extent.columns, columnNumber(letters ?? ""));
    }
  }
  return extent;
}

/** "A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384. */
function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}
