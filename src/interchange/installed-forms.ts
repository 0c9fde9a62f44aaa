import type { FormRepository, StoredForm } from "../db/form-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import { type FormConversion, questionnaireFromForm } from "../questionnaire/from-xlsform.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { readXlsForm } from "../questionnaire/xlsform/form-reader.ts";

/** A stored version as the questionnaire experts answer; undefined when the reader no longer accepts it. */
export function storedQuestionnaire(
  stored: StoredForm,
  conversion: FormConversion,
): Questionnaire | undefined {
  const form = readXlsForm(stored.sheets).form;
  return form && questionnaireFromForm(form, conversion);
}

/**
 * The installed questionnaires, by id: for each form, the version its open wave runs, or the one installed
 * last when no wave is open. A stored form the reader no longer accepts is left out and named.
 */
export async function loadInstalledForms(
  stores: { forms: FormRepository; waves: WaveRepository },
  conversion: FormConversion,
): Promise<{ questionnaires: Map<string, Questionnaire>; unreadable: string[] }> {
  const questionnaires = new Map<string, Questionnaire>();
  const unreadable: string[] = [];
  // Newest first within each form, so the first of a form's versions is the one installed last.
  const versions = new Map<string, StoredForm[]>();
  for (const stored of await stores.forms.list())
    versions.set(stored.formId, [...(versions.get(stored.formId) ?? []), stored]);
  for (const [id, stored] of versions) {
    const running = (await stores.waves.openWave(id))?.formVersion;
    const chosen = stored.find((candidate) => candidate.version === running) ?? stored[0]!;
    const questionnaire = storedQuestionnaire(chosen, conversion);
    if (questionnaire) questionnaires.set(id, questionnaire);
    else unreadable.push(`${id} version ${chosen.version}`);
  }
  return { questionnaires, unreadable };
}
