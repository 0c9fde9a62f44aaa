import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Translate } from "../i18n/translator.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { exportCsv, exportSpss, exportWorkbook } from "./export-responses.ts";
import type { ResponseStore } from "./response-store.ts";
import type { SpssCut } from "./spss-export.ts";

export const EXPORT_FORMATS = ["xlsx", "csv", "spss"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Writes the export to disk and returns the paths written, and the texts cut to fit SPSS. xlsx: one workbook
 * at `out`. csv: one file per questionnaire; with a single questionnaire `out` is that file, otherwise `out`
 * is a directory (created if needed) that gets `<questionnaire>.csv` for each. spss: `out` is a directory that
 * gets `<questionnaire>.sps` and the `<questionnaire>.csv` it reads, for each questionnaire.
 *
 * @example
 * await writeExportFiles(store, t, { format: "spss", out: "export", questionnaires: all });
 * // { written: ["export/education.sps", "export/education.csv", …], cuts: [] }
 */
export async function writeExportFiles(
  store: ResponseStore,
  t: Translate,
  options: { format: ExportFormat; out: string; questionnaires: readonly Questionnaire[] },
): Promise<{ written: string[]; cuts: SpssCut[] }> {
  const { format, out, questionnaires } = options;
  if (format === "xlsx") {
    return { written: [writeFile(out, await exportWorkbook(store, t, questionnaires))], cuts: [] };
  }
  if (format === "spss") {
    const files = [];
    for (const questionnaire of questionnaires)
      files.push({ id: questionnaire.id, ...(await exportSpss(store, t, questionnaire)) });
    return {
      written: files.flatMap(({ id, syntax, data }) => [
        writeFile(join(out, `${id}.sps`), syntax),
        writeFile(join(out, `${id}.csv`), data),
      ]),
      cuts: files.flatMap((file) => file.cuts),
    };
  }
  const [only] = questionnaires;
  if (only && questionnaires.length === 1)
    return { written: [writeFile(out, await exportCsv(store, only))], cuts: [] };
  const written = [];
  for (const questionnaire of questionnaires)
    written.push(writeFile(join(out, `${questionnaire.id}.csv`), await exportCsv(store, questionnaire)));
  return { written, cuts: [] };
}

function writeFile(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
