import type { QuestionType } from "./types.ts";
import type { FormQuestion, XlsForm } from "./xlsform/form.ts";

/** How a question's options differ between two versions, by option name. */
export interface OptionChange {
  question: string;
  added: string[];
  removed: string[];
  /** The options both versions have come in another order. */
  reordered: boolean;
}

/** What a new version of a form changes against the installed one; questions by name, in form order. */
export interface FormChanges {
  added: string[];
  dropped: string[];
  typeChanged: { question: string; from: QuestionType; to: QuestionType }[];
  optionsChanged: OptionChange[];
  labelChanged: string[];
}

/**
 * Compares two versions of a form question by question, by name: questions added and dropped, and for those
 * in both, a changed type, option list or label. Without an installed version, every question is new.
 *
 * @example
 * formChanges(version2, version3);
 * // { added: ["comment"], dropped: [], typeChanged: [], optionsChanged: [{ question: "region", added: ["abroad"], removed: [], reordered: false }], labelChanged: [] }
 */
export function formChanges(installed: XlsForm | undefined, next: XlsForm): FormChanges {
  const before = new Map((installed?.questions ?? []).map((question) => [question.name, question]));
  const after = new Set(next.questions.map((question) => question.name));
  const changes: FormChanges = {
    added: [],
    dropped: [...before.keys()].filter((name) => !after.has(name)),
    typeChanged: [],
    optionsChanged: [],
    labelChanged: [],
  };
  for (const question of next.questions) {
    const earlier = before.get(question.name);
    if (!earlier) {
      changes.added.push(question.name);
      continue;
    }
    if (earlier.type !== question.type) {
      changes.typeChanged.push({ question: question.name, from: earlier.type, to: question.type });
    }
    const options = optionChange(optionNames(installed!, earlier), optionNames(next, question));
    if (options) changes.optionsChanged.push({ question: question.name, ...options });
    if (JSON.stringify(sortedTexts(earlier.labels)) !== JSON.stringify(sortedTexts(question.labels))) {
      changes.labelChanged.push(question.name);
    }
  }
  return changes;
}

/** Whether the new version changes anything at all. */
export function hasChanges(changes: FormChanges): boolean {
  return Object.values(changes).some((list) => list.length > 0);
}

/** The names of the options a question offers, `other` included when it asks to specify. */
function optionNames(form: XlsForm, question: FormQuestion): string[] {
  const listed = question.listName
    ? (form.choiceLists[question.listName] ?? []).map((choice) => choice.name)
    : [];
  return question.specifyOther && !listed.includes("other") ? [...listed, "other"] : listed;
}

function optionChange(before: string[], after: string[]): Omit<OptionChange, "question"> | undefined {
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  const kept = after.filter((name) => before.includes(name));
  const reordered = kept.join("\n") !== before.filter((name) => after.includes(name)).join("\n");
  return added.length > 0 || removed.length > 0 || reordered ? { added, removed, reordered } : undefined;
}

function sortedTexts(texts: FormQuestion["labels"]): [string, string | undefined][] {
  return Object.entries(texts).sort(([a], [b]) => a.localeCompare(b));
}
