import { isQuestionType, QUESTION_TYPES } from "../question-types/registry.ts";
import type { QuestionType } from "../types.ts";

/** What a survey row's `type` cell says: a question, the start or end of a group, or why it cannot be read. */
export type SurveyRowType =
  | { kind: "question"; type: QuestionType; listName?: string; orOther: boolean }
  | { kind: "begin_group" }
  | { kind: "end_group" }
  | { kind: "metadata"; name: string }
  | { kind: "refused"; message: string };

const SUPPORTED = [
  ...Object.entries(QUESTION_TYPES).map(([name, spec]) =>
    spec.choiceList === "none" ? name : `${name} <list>`,
  ),
  "begin_group",
  "end_group",
].join(", ");
const OR_OTHER_TYPES = Object.entries(QUESTION_TYPES)
  .filter(([, spec]) => spec.choiceList === "list_or_other")
  .map(([name]) => name);
/**
 * What ODK and KoboToolbox record about the device and the session, which Kobo puts at the top of every
 * form: nothing to ask an expert, and nothing a Telegram chat has. Left out with a warning, so a form taken
 * from Kobo as it is can be read.
 */
const METADATA_TYPES = new Set([
  "start",
  "end",
  "today",
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
  "audit",
  "start-geopoint",
]);

/**
 * Reads a `type` cell of the supported subset.
 *
 * @example
 * surveyRowType("select_multiple barriers or_other"); // { kind: "question", type: "select_multiple", listName: "barriers", orOther: true }
 * surveyRowType("geopoint"); // { kind: "refused", message: "the type “geopoint” is not supported; …" }
 */
export function surveyRowType(cell: string): SurveyRowType {
  const words = cell.trim().split(/\s+/);
  const [first = "", ...rest] = words;
  const joined = words.join(" ");
  if (joined === "begin_group" || joined === "begin group") return { kind: "begin_group" };
  if (joined === "end_group" || joined === "end group") return { kind: "end_group" };
  if (METADATA_TYPES.has(joined)) return { kind: "metadata", name: joined };
  const unsupported: SurveyRowType = {
    kind: "refused",
    message: `the type “${joined}” is not supported; the types are ${SUPPORTED}`,
  };
  if (!isQuestionType(first)) return unsupported;
  const type = first;
  const { choiceList } = QUESTION_TYPES[type];
  if (choiceList === "none")
    return rest.length === 0 ? { kind: "question", type, orOther: false } : unsupported;
  const [listName, suffix, ...more] = rest;
  if (!listName) return { kind: "refused", message: `${type} needs the name of a choice list after it` };
  if (more.length > 0 || (suffix !== undefined && suffix !== "or_other")) {
    return { kind: "refused", message: `“${joined}” is not understood; write ${type} <list> [or_other]` };
  }
  if (suffix && choiceList === "list") {
    return { kind: "refused", message: `or_other is for ${OR_OTHER_TYPES.join(" and ")}, not ${type}` };
  }
  return { kind: "question", type, listName, orOther: suffix === "or_other" };
}
