import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildWorkbook, type SheetCell } from "../../src/report/xlsx.ts";

const run = promisify(execFile);

/** Runs the built CLI (`npm run cli -- …`) over the database at `databasePath`. */
export async function runCli(
  databasePath: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["dist/cli/main.js", ...args], {
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The sheets as .xlsx bytes, numbers as numbers (as a spreadsheet program keeps a version 3).
 *
 * @example
 * await formWorkbook({ survey: [["type", "name"], ["integer", "age"]] });
 */
export function formWorkbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const asCells = (rows: string[][]): SheetCell[][] =>
    rows.map((row) => row.map((cell) => (cell !== "" && /^\d+$/.test(cell) ? Number(cell) : cell)));
  return buildWorkbook(Object.entries(sheets).map(([sheet, rows]) => ({ name: sheet, rows: asCells(rows) })));
}

/** Writes {@link formWorkbook} to `dir/name` and gives its path. */
export async function writeFormFile(
  dir: string,
  name: string,
  sheets: Record<string, string[][]>,
): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await formWorkbook(sheets));
  return path;
}
