import type { Wave } from "../../../db/wave-repository.ts";
import type { Translate } from "../../../i18n/translator.ts";
import type { FormChanges } from "../../../questionnaire/form-changes.ts";
import { describeProblem, type FormProblem, type XlsForm } from "../../../questionnaire/xlsform/form.ts";

/** Room left in one Telegram message (4,096 characters) for the preview. */
const PREVIEW_LIMIT = 3800;

/** What the preview compares the upload with: the version installed last, and the open wave's version. */
export interface PreviewContext {
  installed?: { version: string; changes: FormChanges };
  /** The open wave when it runs another version than the upload's. */
  openWave?: Wave;
}

/**
 * The preview of an uploaded form: titles per language, its questions with their types, warnings, and what
 * changes against the installed version (a changed option list flagged), then whether an open wave runs
 * another version. Lines past one message are counted instead.
 *
 * @example
 * formPreview(t, form, [], {}); // "Form employment, version 3\nTitle (kk): Жұмыспен қамту\n…"
 */
export function formPreview(
  t: Translate,
  form: XlsForm,
  warnings: readonly FormProblem[],
  { installed, openWave }: PreviewContext,
): string {
  const head = [
    t("coordinator:forms.preview.title", { id: form.id, version: form.version }),
    ...form.languages.map((language) =>
      t("coordinator:forms.preview.form_title", { language, title: form.titles[language] ?? "" }),
    ),
  ];
  const questions = [
    t("coordinator:forms.preview.questions", { count: form.questions.length }),
    ...form.questions.map(
      (question) => `• ${question.name}: ${question.type}${question.listName ? ` ${question.listName}` : ""}`,
    ),
  ];
  const warningLines =
    warnings.length > 0
      ? [t("coordinator:forms.preview.warnings"), ...warnings.map((w) => `• ${describeProblem(w)}`)]
      : [];
  const tail = [
    ...(installed
      ? changeLines(t, installed.version, installed.changes)
      : [t("coordinator:forms.preview.first")]),
    ...(openWave ? [openWaveLine(t, openWave)] : []),
  ];
  return [
    ...head,
    "",
    ...fitLines(t, [...questions, ...warningLines], PREVIEW_LIMIT - length([...head, ...tail])),
    "",
    ...tail,
  ].join("\n");
}

function changeLines(t: Translate, version: string, changes: FormChanges): string[] {
  const lines = [t("coordinator:forms.preview.against", { version })];
  if (changes.added.length > 0)
    lines.push(t("coordinator:forms.preview.added", { names: changes.added.join(", ") }));
  if (changes.dropped.length > 0)
    lines.push(t("coordinator:forms.preview.dropped", { names: changes.dropped.join(", ") }));
  for (const { question, from, to } of changes.typeChanged) {
    lines.push(t("coordinator:forms.preview.type_changed", { name: question, from, to }));
  }
  for (const change of changes.optionsChanged) {
    const parts = [
      ...change.added.map((name) => `+${name}`),
      ...change.removed.map((name) => `−${name}`),
      ...(change.reordered ? [t("coordinator:forms.preview.reordered")] : []),
    ];
    lines.push(
      t("coordinator:forms.preview.options_changed", { name: change.question, changes: parts.join(", ") }),
    );
  }
  if (changes.labelChanged.length > 0)
    lines.push(t("coordinator:forms.preview.label_changed", { names: changes.labelChanged.join(", ") }));
  if (lines.length === 1) lines.push(t("coordinator:forms.preview.unchanged"));
  return lines;
}

/** The open wave and the version it runs, for the choice between changing it now and the next wave. */
export function openWaveLine(t: Translate, wave: Wave): string {
  return t("coordinator:forms.preview.open_wave", { wave: wave.number, running: runningText(t, wave) });
}

/** "version 3", or the questionnaire built into the bot for a wave that runs no installed form. */
export function runningText(t: Translate, wave: Wave): string {
  return wave.formVersion === null
    ? t("coordinator:forms.built_in")
    : t("coordinator:forms.version", { version: wave.formVersion });
}

/** The lines that fit in `room` characters, the rest counted on a last line. */
export function fitLines(t: Translate, lines: string[], room: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    const more = t("coordinator:forms.preview.more", { count: lines.length - index });
    if (used + line.length + 1 + more.length + 1 > room && index < lines.length - 1) {
      kept.push(more);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept;
}

function length(lines: string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}
