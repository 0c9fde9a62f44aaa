import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { formWorkbook } from "../support/form-workbook.ts";

const run = promisify(execFile);

/**
 * Runs the built CLI (`npm run cli -- …`) over the database at `database`: an SQLite file, or a PostgreSQL
 * server when it is a `postgres://` URL.
 */
export async function runCli(
  database: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const location = database.startsWith("postgres://")
    ? { DATABASE_URL: database }
    : { DATABASE_PATH: database };
  try {
    const { stdout, stderr } = await run(process.execPath, ["dist/cli/main.js", ...args], {
      env: { ...process.env, ...location },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
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
