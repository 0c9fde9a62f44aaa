import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FormRepository } from "../db/form-repository.ts";
import type { SettingRepository } from "../db/setting-repository.ts";
import { describeProblem } from "../questionnaire/xlsform/form.ts";
import { readXlsForm } from "../questionnaire/xlsform/form-reader.ts";
import { FormFileError, readFormWorkbook, STUDY_FORMS_DIR } from "./form-workbook.ts";

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
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".xlsx"))
    .sort();
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const digest = createHash("sha256").update(bytes).digest("hex");
    const setting = `study-form:${file}`;
    if (stores.settings.get(setting) === digest) continue;
    const workbook = await readFormWorkbook(bytes);
    if (!workbook.ok)
      throw new FormFileError(file, ["problem" in workbook ? workbook.problem : workbook.refusal]);
    const { form, problems } = readXlsForm(workbook.sheets);
    if (!form) throw new FormFileError(file, problems.map(describeProblem));
    const status = stores.forms.install(
      { formId: form.id, version: form.version, sheets: workbook.sheets },
      now,
    );
    if (status === "version_taken") {
      throw new FormFileError(file, [
        `version ${form.version} of ${form.id} is installed with other content: raise the version in its settings sheet`,
      ]);
    }
    stores.settings.set(setting, digest);
  }
}
