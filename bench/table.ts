/** One line of the bench's table: a section heading, or a figure with its value, goal and whether it is met. */
export type Row = { heading: string } | { figure: string; value?: string; goal?: string; met?: boolean };

/** A plain-text table: figure, value, goal, and "ok" / "MISSED" where a goal applies. */
export function renderTable(rows: readonly Row[]): string {
  const figures = rows.filter((row): row is Exclude<Row, { heading: string }> => "figure" in row);
  const width = (pick: (row: (typeof figures)[number]) => string) =>
    Math.max(...figures.map((row) => pick(row).length));
  const figureWidth = Math.min(
    100,
    width((row) => row.figure),
  );
  const valueWidth = width((row) => row.value ?? "");
  const goalWidth = width((row) => row.goal ?? "");
  return rows
    .map((row) => {
      if ("heading" in row) return `\n${row.heading}`;
      const verdict = row.met === undefined ? "" : row.met ? "ok" : "MISSED";
      return [
        row.figure.padEnd(figureWidth),
        (row.value ?? "").padStart(valueWidth),
        (row.goal ?? "").padEnd(goalWidth),
        verdict,
      ]
        .join("  ")
        .trimEnd();
    })
    .join("\n");
}
