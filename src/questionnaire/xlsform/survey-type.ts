import type { FormQuestionType } from "./form.ts";

/** What a survey row's `type` cell says: a question, the start or end of a group, or why it cannot be read. */
export type SurveyRowType =
  | { kind: "question"; type: FormQuestionType; listName?: string; orOther: boolean }
  | { kind: "begin_group" }
  | { kind: "end_group" }
  | { kind: "metadata"; name: string }
  | { kind: "refused"; message: string };

const SUPPORTED =
  "select_one <list>, select_multiple <list>, rank <list>, integer, decimal, text, note, begin_group, end_group";
const PLAIN_TYPES: readonly FormQuestionType[] = ["integer", "decimal", "text", "note"];
const LIST_TYPES: readonly FormQuestionType[] = ["select_one", "select_multiple", "rank"];
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
  const type = first as FormQuestionType;
  if (PLAIN_TYPES.includes(type) && rest.length === 0) return { kind: "question", type, orOther: false };
  if (LIST_TYPES.includes(type)) {
    const [listName, suffix, ...more] = rest;
    if (!listName) return { kind: "refused", message: `${type} needs the name of a choice list after it` };
    if (more.length > 0 || (suffix !== undefined && suffix !== "or_other")) {
      return { kind: "refused", message: `“${joined}” is not understood; write ${type} <list> [or_other]` };
    }
    if (suffix && type === "rank") {
      return { kind: "refused", message: "or_other is for select_one and select_multiple, not rank" };
    }
    return { kind: "question", type, listName, orOther: suffix === "or_other" };
  }
  return { kind: "refused", message: `the type “${joined}” is not supported; the types are ${SUPPORTED}` };
}
