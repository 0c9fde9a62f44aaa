import type { FormRepository } from "../db/form-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import type { XlsForm } from "../questionnaire/xlsform/form.ts";
import type { FormSheets } from "../questionnaire/xlsform/form-reader.ts";
import { questionCount } from "./questionnaire-check.ts";

/**
 * Stores a form that passed `questionnaire check`: the line to print and whether the command succeeded. The
 * same id and version with other content is refused, since stored responses name the version they answered.
 *
 * @example
 * await addForm(forms, { form, sheets }, new Date());
 * // { ok: true, line: "Installed form employment, version 3: 5 questions" }
 */
export async function addForm(
  forms: FormRepository,
  { form, sheets }: { form: XlsForm; sheets: FormSheets },
  now: Date,
): Promise<{ ok: boolean; line: string }> {
  const named = `form ${form.id}, version ${form.version}`;
  switch (await forms.install({ formId: form.id, version: form.version, sheets }, now)) {
    case "new":
      return { ok: true, line: `Installed ${named}: ${questionCount(form)}` };
    case "installed":
      return { ok: true, line: `The ${named} is already installed: nothing changed` };
    case "version_taken":
      return {
        ok: false,
        line: `The ${named} is installed with other content: raise the version in the settings sheet`,
      };
  }
}

/**
 * The installed forms, each version on a line, the latest installed first, with its day and the open wave
 * that runs it.
 *
 * @example
 * await formList(forms, waves);
 * // "employment\n  version 4, installed 2026-11-29\n  version 3, installed 2026-11-20, run by open wave 2"
 */
export async function formList(forms: FormRepository, waves: WaveRepository): Promise<string> {
  const stored = await forms.list();
  if (stored.length === 0) return "No forms installed";
  const lines: string[] = [];
  let previous: string | undefined;
  for (const form of stored) {
    if (form.formId !== previous) lines.push(form.formId);
    previous = form.formId;
    const open = await waves.openWave(form.formId);
    const running = open?.formVersion === form.version ? `, run by open wave ${open.number}` : "";
    lines.push(
      `  version ${form.version}, installed ${form.installedAt.toISOString().slice(0, 10)}${running}`,
    );
  }
  return lines.join("\n");
}
