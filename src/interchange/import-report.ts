import type { Translate } from "../i18n/translator.ts";
import { IMPORT_LIMITS, type ImportRefusal } from "./import-limits.ts";
import type { ImportProblem, ImportResult } from "./import-responses.ts";

/**
 * What an import did, in plain words: the counts, or why nothing was imported with one line per problem
 * ("Sheet “Education”, row 3, column “region”: unknown option id …"). Lines that would make the text longer
 * than `maxLength` are left out and counted instead, so a reply fits in one Telegram message.
 *
 * @example
 * importReport(t, { ok: true, imported: 12, alreadyPresent: 3 });
 * // "Imported: 12. Already stored, skipped: 3."
 */
export function importReport(
  t: Translate,
  result: ImportResult,
  maxLength = Number.POSITIVE_INFINITY,
): string {
  if (result.ok) {
    return t("interchange:import.done", { imported: result.imported, alreadyPresent: result.alreadyPresent });
  }
  if ("refusal" in result) return refusalText(t, result.refusal);
  const lines = [t("interchange:import.refused", { count: result.problems.length })];
  let length = lines[0]!.length;
  for (const [index, problem] of result.problems.entries()) {
    const line = `• ${problemLine(t, problem)}`;
    const rest = result.problems.length - index;
    const more = t("interchange:import.more", { count: rest });
    const room = rest > 1 ? more.length + 1 : 0;
    if (length + 1 + line.length + room > maxLength) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

/** One problem with where it is, e.g. "Row 4, column “experience_years”: value 70 is out of range 0–60". */
export function problemLine(t: Translate, problem: ImportProblem): string {
  const where = [
    problem.sheet === undefined ? undefined : t("interchange:where.sheet", { sheet: problem.sheet }),
    problem.row === undefined ? undefined : t("interchange:where.row", { row: problem.row }),
    problem.column === undefined ? undefined : t("interchange:where.column", { column: problem.column }),
  ].filter((part) => part !== undefined);
  const text = where.length > 0 ? `${where.join(", ")}: ${problem.problem}` : problem.problem;
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Why a file was not read at all, with the limit it passed, e.g. "…more than 10,000 rows…". */
export function refusalText(t: Translate, refusal: ImportRefusal): string {
  const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
  // The size refusal keeps the text the bot has always sent for a file over the limit.
  return t(refusal === "file_size" ? "interchange:too_large" : `interchange:refusal.${refusal}`, {
    rows: IMPORT_LIMITS.rows,
    columns: IMPORT_LIMITS.columns,
    megabytes: megabytes(IMPORT_LIMITS.fileBytes),
    unpackedMegabytes: megabytes(IMPORT_LIMITS.unpackedBytes),
  });
}
