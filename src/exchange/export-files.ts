import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Translate } from "../i18n/translator.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { exportCsv, exportWorkbook } from "./export-responses.ts";
import type { ResponseStore } from "./response-store.ts";

export type ExportFormat = "xlsx" | "csv";

/**
 * Writes the export to disk and returns the paths written. xlsx: one workbook at `out`. csv: one file per
 * questionnaire; with a single questionnaire `out` is that file, otherwise `out` is a directory (created if
 * needed) that gets `<questionnaire>.csv` for each.
 *
 * @example
 * await writeExportFiles(store, t, { format: "csv", out: "export", questionnaires: all });
 * // ["export/education.csv", "export/healthcare.csv"]
 */
export async function writeExportFiles(
  store: ResponseStore,
  t: Translate,
  options: { format: ExportFormat; out: string; questionnaires: readonly Questionnaire[] },
): Promise<string[]> {
  const { format, out, questionnaires } = options;
  if (format === "xlsx") {
    return [writeFile(out, await exportWorkbook(store, t, questionnaires))];
  }
  const [only] = questionnaires;
  if (only && questionnaires.length === 1) return [writeFile(out, exportCsv(store, only))];
  return questionnaires.map((questionnaire) =>
    writeFile(join(out, `${questionnaire.id}.csv`), exportCsv(store, questionnaire)),
  );
}

function writeFile(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
