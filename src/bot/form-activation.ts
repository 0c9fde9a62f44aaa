import { loadInstalledForms, storedQuestionnaire } from "../interchange/installed-forms.ts";
import { questionnaireFromForm } from "../questionnaire/from-xlsform.ts";
import type { XlsForm } from "../questionnaire/xlsform/form.ts";
import type { BotServices } from "./bot-services.ts";

const conversion = (services: BotServices) => ({
  otherLabel: services.translations.inEveryLanguage("other_option"),
});

/** Makes `form` the version experts are offered from now on, live: called once it is stored. */
export function activateForm(services: BotServices, form: XlsForm): void {
  services.questionnaires.install(questionnaireFromForm(form, conversion(services)));
}

/** Activates a stored version (the one a newly opened wave runs); nothing when it is not stored. */
export async function activateStoredForm(
  services: BotServices,
  formId: string,
  version: string,
): Promise<void> {
  const stored = await services.forms.find(formId, version);
  const questionnaire = stored && storedQuestionnaire(stored, conversion(services));
  if (questionnaire) services.questionnaires.install(questionnaire);
}

/**
 * Reads the installed forms into the catalog when one was stored since it last did (at start; then by another
 * instance or the CLI on the same database, checked where an expert chooses a questionnaire at the cost of
 * one small query), and opens the first wave of a questionnaire that has none. The newest number is read
 * before the forms, so that one installed meanwhile is read again later rather than missed. Returns the
 * stored forms the reader no longer accepts.
 */
export async function readInstalledForms(services: BotServices): Promise<string[]> {
  const { questionnaires } = services;
  const newest = await services.forms.newestNumber();
  if (newest <= questionnaires.loadedUpTo) return [];
  const installed = await loadInstalledForms(services, conversion(services));
  for (const questionnaire of installed.questionnaires.values()) questionnaires.install(questionnaire);
  await services.waves.ensureFirstWaves(questionnaires.keys(), services.now());
  questionnaires.loadedUpTo = newest;
  return installed.unreadable;
}
