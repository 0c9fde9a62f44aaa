import type { Questionnaire } from "./types.ts";

/**
 * The questionnaires experts can answer, by id: one map shared by every feature, so that a form a coordinator
 * installs is offered at once, without a restart.
 */
export class QuestionnaireCatalog extends Map<string, Questionnaire> {
  /** The number of the newest stored form version the catalog has read (see `FormRepository`); -1 before. */
  loadedUpTo = -1;

  /** Offers `questionnaire` from now on, in place of an earlier version with the same id. */
  install(questionnaire: Questionnaire): void {
    this.set(questionnaire.id, questionnaire);
  }
}
