/** How far a table may reach. */
export interface TableLimits {
  rows: number;
  columns: number;
}

/** Thrown by a reader that stops at a table's limits; `exceeded` says which was passed. */
export class TableLimitError extends Error {
  constructor(readonly exceeded: "rows" | "columns") {
    super(`the table has more ${exceeded} than allowed`);
    this.name = "TableLimitError";
  }
}

/** Throws {@link TableLimitError} when a position (1-based row and column) lies beyond the limits. */
export function checkWithinLimits(limits: TableLimits, row: number, column: number): void {
  if (row > limits.rows) throw new TableLimitError("rows");
  if (column > limits.columns) throw new TableLimitError("columns");
}
