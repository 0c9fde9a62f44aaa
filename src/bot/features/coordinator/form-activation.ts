import { questionnaireFromForm } from "../../../questionnaire/from-xlsform.ts";
import type { XlsForm } from "../../../questionnaire/xlsform/form.ts";
import { readXlsForm } from "../../../questionnaire/xlsform/form-reader.ts";
import type { BotServices } from "../../bot-services.ts";

/** Makes `form` the version experts are offered from now on, live: called once it is stored. */
export function activateForm(services: BotServices, form: XlsForm): void {
  const otherLabel = services.translations.inEveryLanguage("other_option");
  services.questionnaires.install(questionnaireFromForm(form, { otherLabel }));
}

/** Activates a stored version (the one a newly opened wave runs); nothing when it is not stored. */
export function activateStoredForm(services: BotServices, formId: string, version: string): void {
  const stored = services.forms.find(formId, version);
  const form = stored && readXlsForm(stored.sheets).form;
  if (form) activateForm(services, form);
}
