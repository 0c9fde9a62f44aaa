import type { FormRepository } from "../db/form-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import { type FormConversion, questionnaireFromForm } from "../questionnaire/from-xlsform.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { readXlsForm } from "../questionnaire/xlsform/form-reader.ts";

/**
 * The questionnaires coordinators installed, by id: for each form, the version its open wave runs, or the one
 * installed last when no wave is open. A stored form the reader no longer accepts is left out and named.
 */
export function loadInstalledForms(
  stores: { forms: FormRepository; waves: WaveRepository },
  conversion: FormConversion,
): { questionnaires: Map<string, Questionnaire>; unreadable: string[] } {
  const questionnaires = new Map<string, Questionnaire>();
  const unreadable: string[] = [];
  const ids = new Set(stores.forms.list().map((stored) => stored.formId));
  for (const id of ids) {
    const running = stores.waves.openWave(id)?.formVersion;
    const stored = (running && stores.forms.find(id, running)) || stores.forms.latest(id);
    const form = stored && readXlsForm(stored.sheets).form;
    if (form) questionnaires.set(id, questionnaireFromForm(form, conversion));
    else unreadable.push(stored ? `${id} version ${stored.version}` : id);
  }
  return { questionnaires, unreadable };
}
