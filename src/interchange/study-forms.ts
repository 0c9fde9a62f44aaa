import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FormRepository } from "../db/form-repository.ts";
import type { SettingRepository } from "../db/setting-repository.ts";
import { describeProblem, type XlsForm } from "../questionnaire/xlsform/form.ts";
import { type FormSheets, readXlsForm } from "../questionnaire/xlsform/form-reader.ts";
import { readFormWorkbook } from "./form-workbook.ts";

/** Through the project folder, so that the build in dist/ (same depth as src/) reads the same files. */
export const STUDY_FORMS_DIR = fileURLToPath(new URL("../../questionnaires/", import.meta.url));

/** A form file of the repository that cannot be used; the message names the file and every problem. */
export class FormFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "FormFileError";
  }
}

/** The `.xlsx` files of `dir`, in name order. */
export function studyFormFiles(dir: string = STUDY_FORMS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".xlsx"))
    .sort()
    .map((name) => join(dir, name));
}

/** A form file read and accepted by the reader, with its sheets; a file it refuses throws its problems. */
export async function readFormFile(
  path: string,
  bytes = readFileSync(path),
): Promise<{ form: XlsForm; sheets: FormSheets }> {
  const file = basename(path);
  const workbook = await readFormWorkbook(bytes);
  if (!workbook.ok)
    throw new FormFileError(file, ["problem" in workbook ? workbook.problem : workbook.refusal]);
  const { form, problems } = readXlsForm(workbook.sheets);
  if (!form) throw new FormFileError(file, problems.map(describeProblem));
  return { form, sheets: workbook.sheets };
}

/**
 * Keeps the study's form files (`questionnaires/*.xlsx`) among the installed forms, so that the bot and the
 * CLI load every questionnaire the same way. A file is read only when its bytes differ from the last start's:
 * reading a workbook is the slow part of a start. A changed file must raise its version, as an upload must.
 *
 * @example
 * await installStudyForms({ forms, settings }, new Date()); // then loadInstalledForms(...) offers them
 */
export async function installStudyForms(
  stores: { forms: FormRepository; settings: SettingRepository },
  now: Date,
  dir: string = STUDY_FORMS_DIR,
): Promise<void> {
  for (const path of studyFormFiles(dir)) {
    const bytes = readFileSync(path);
    const digest = createHash("sha256").update(bytes).digest("hex");
    const setting = `study-form:${basename(path)}`;
    if ((await stores.settings.get(setting)) === digest) continue;
    const { form, sheets } = await readFormFile(path, bytes);
    const status = await stores.forms.install({ formId: form.id, version: form.version, sheets }, now);
    if (status === "version_taken") {
      throw new FormFileError(basename(path), [
        `version ${form.version} of ${form.id} is installed with other content: raise the version in its settings sheet`,
      ]);
    }
    await stores.settings.set(setting, digest);
  }
}
