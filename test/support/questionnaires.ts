import { loadQuestionnaires } from "../../src/questionnaire/loader.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";

export const questionnaires = loadQuestionnaires();

export function questionnaire(id: "education" | "healthcare"): Questionnaire {
  return questionnaires.get(id)!;
}
