import { LANGUAGES, type Language } from "../i18n/translator.ts";
import type { ChoiceOption, Question, Questionnaire, Texts } from "./types.ts";
import type { Expression } from "./xlsform/expression.ts";
import type { FormChoice, FormQuestion, XlsForm } from "./xlsform/form.ts";

/** A text answer's length limit where the form sets none: a long paragraph, well inside one Telegram message. */
export const DEFAULT_TEXT_MAX_LENGTH = 500;
const OTHER = "other";

export interface FormConversion {
  /** The label of the `other` option that `or_other` adds, by language (the form has no row for it). */
  otherLabel: Texts;
}

/**
 * The questionnaire experts answer, from a form the reader accepted: every text complete in every language
 * (a language the form lacks reads its default language), a group's condition joined to each of its questions',
 * and an integer's bounds taken from a constraint such as `. >= 0 and . <= 60`.
 *
 * @example
 * const { form } = readXlsForm(sheets);
 * questionnaireFromForm(form!, { otherLabel: { kk: "Басқа", ru: "Другое", en: "Other" } }).questions[0]?.label.kk;
 */
export function questionnaireFromForm(form: XlsForm, conversion: FormConversion): Questionnaire {
  const complete = (texts: Texts, fallback: Texts = {}): Texts =>
    completeTexts(texts, form.defaultLanguage, fallback);
  const groupConditions = new Map(form.groups.map((group) => [group.name, group.relevant]));
  return {
    id: form.id,
    version: form.version,
    title: complete(form.titles),
    description: complete(form.descriptions),
    defaultLanguage: form.defaultLanguage,
    questions: form.questions.map((question) => {
      const relevant = allOf([
        ...question.groups.map((group) => groupConditions.get(group)),
        question.relevant,
      ]);
      const label = complete(question.labels);
      const { parameters } = question;
      const bounds = question.constraint ? boundsOf(question.constraint) : {};
      return {
        id: question.name,
        type: question.type,
        section: question.section ?? "main",
        label,
        short: complete(question.shortLabels, label),
        hint: complete(question.hints),
        options: optionsOf(question, form.choiceLists, complete(conversion.otherLabel)).map((option) => ({
          ...option,
          label: complete(option.label),
        })),
        optional: !question.required,
        ...bounds,
        ...(question.type === "text" ? { maxLength: parameters.maxLength ?? DEFAULT_TEXT_MAX_LENGTH } : {}),
        ...(parameters.preferNotToSay ? { preferNotToSay: true } : {}),
        ...(parameters.rankBy ? { rankBy: parameters.rankBy } : {}),
        ...(relevant ? { relevant } : {}),
        ...(question.constraint ? { constraint: question.constraint } : {}),
        constraintMessage: complete(question.constraintMessages),
        ...(question.choiceFilter ? { choiceFilter: question.choiceFilter } : {}),
      } satisfies Question;
    }),
    sampleTable: form.sampleTable,
    ...(form.compareBy ? { compareBy: form.compareBy } : {}),
  };
}

function completeTexts(texts: Texts, defaultLanguage: Language, fallback: Texts): Texts {
  const base = texts[defaultLanguage] ?? fallback[defaultLanguage];
  if (base === undefined) return {};
  return Object.fromEntries(
    LANGUAGES.map((language) => [language, texts[language] ?? fallback[language] ?? base]),
  );
}

function optionsOf(
  question: FormQuestion,
  lists: Readonly<Record<string, FormChoice[]>>,
  otherLabel: Texts,
): ChoiceOption[] {
  if (question.listName === undefined) return [];
  const options: ChoiceOption[] = (lists[question.listName] ?? []).map((choice) => ({
    id: choice.name,
    label: choice.labels,
    ...(choice.exclusive ? { exclusive: true } : {}),
    ...(question.specifyOther && choice.name === OTHER ? { specify: true } : {}),
    ...(Object.keys(choice.columns).length > 0 ? { columns: choice.columns } : {}),
  }));
  if (question.specifyOther && !options.some((option) => option.id === OTHER)) {
    options.push({ id: OTHER, label: otherLabel, specify: true });
  }
  return options;
}

function allOf(conditions: readonly (Expression | undefined)[]): Expression | undefined {
  return conditions
    .filter((condition): condition is Expression => condition !== undefined)
    .reduce<Expression | undefined>(
      (joined, condition) => (joined ? { kind: "and", left: joined, right: condition } : condition),
      undefined,
    );
}

/** The bounds a constraint of comparisons of `.` with numbers, joined by `and`, puts on a number. */
function boundsOf(constraint: Expression): { min?: number; max?: number } {
  if (constraint.kind === "and") return { ...boundsOf(constraint.left), ...boundsOf(constraint.right) };
  if (constraint.kind !== "compare") return {};
  const { operator, left, right } = constraint;
  if (left.kind === "self" && right.kind === "number") {
    if (operator === ">=") return { min: right.value };
    if (operator === "<=") return { max: right.value };
  }
  if (right.kind === "self" && left.kind === "number") {
    if (operator === "<=") return { min: left.value };
    if (operator === ">=") return { max: left.value };
  }
  return {};
}
