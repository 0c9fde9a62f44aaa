import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../src/report/csv.ts";

/** Whether GNU PSPP is installed; when it is not, says so on the console, so a skip is never silent. */
export function psppInstalled(): boolean {
  const found = spawnSync("pspp", ["--version"]).status === 0;
  if (!found) {
    console.warn(
      "SKIPPED: GNU PSPP (pspp) is not installed, so the SPSS export is not read back. Install it: apt-get install -y pspp",
    );
  }
  return found;
}

/** A table of PSPP's CSV output: its title and its rows. */
export interface PsppTable {
  title: string;
  rows: string[][];
}

/**
 * Runs the syntax file `file` with PSPP in `dir` (where the syntax's relative paths point) and returns the
 * tables it printed, and everything it said besides them (notes, warnings and errors).
 */
export function runPspp(dir: string, file: string): { tables: PsppTable[]; messages: string } {
  const run = spawnSync("pspp", ["-o", "output.csv", file], { cwd: dir, encoding: "utf8" });
  const tables: PsppTable[] = [];
  let inTable = false;
  for (const row of parseCsv(readFileSync(join(dir, "output.csv"), "utf8"))) {
    const title = row.length === 1 ? /^Table: (.*)$/s.exec(row[0]!)?.[1] : undefined;
    if (title !== undefined) tables.push({ title, rows: [] });
    // A blank line ends a table; PSPP's messages stand between tables.
    inTable = title !== undefined || (inTable && row.some((cell) => cell !== ""));
    if (inTable && title === undefined) tables.at(-1)!.rows.push(row);
  }
  return { tables, messages: `${run.stdout}${run.stderr}` };
}
