import type { Question, Questionnaire } from "../../src/questionnaire/types.ts";

const base = { textOwner: "field_study", options: [], optional: false };

/** A small study with the types the two study questionnaires lack: a note and a decimal number. */
export const fieldStudy: Questionnaire = {
  id: "field_study",
  version: 1,
  questions: [
    {
      ...base,
      id: "district",
      type: "select_one",
      section: "profile",
      choices: "districts",
      options: [{ id: "north" }, { id: "south" }],
    },
    { ...base, id: "intro", type: "note", section: "main" },
    {
      ...base,
      id: "hours_per_week",
      type: "decimal",
      section: "main",
      min: 0,
      max: 80,
      preferNotToSay: true,
    },
    { ...base, id: "comments", type: "text", section: "main", optional: true, maxLength: 200 },
  ],
};

export function fieldQuestion(id: string): Question {
  return fieldStudy.questions.find((question) => question.id === id)!;
}
