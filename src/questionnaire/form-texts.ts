import type { Language } from "../i18n/translator.ts";
import type { Question, Questionnaire, Texts } from "./types.ts";

/**
 * The one home of a questionnaire's own texts — its title, questions and options — in a reader's language.
 * They come from the form, by language; the bot's words around them come from the locales.
 *
 * @example
 * const texts = new FormTexts("kk");
 * texts.option(question, "shymkent"); // "Шымкент"
 */
export class FormTexts {
  constructor(readonly language: Language) {}

  /** The text in this language; the form fills a language it lacks from its default one. */
  in(texts: Texts): string {
    return texts[this.language] ?? Object.values(texts).find((text) => text !== undefined) ?? "";
  }

  title(questionnaire: Questionnaire): string {
    return this.in(questionnaire.title);
  }

  description(questionnaire: Questionnaire): string {
    return this.in(questionnaire.description);
  }

  /** The question as the expert reads it. */
  text(question: Question): string {
    return this.in(question.label);
  }

  /** A few words naming the question in tables, charts and headers. */
  short(question: Question): string {
    return this.in(question.short);
  }

  hint(question: Question): string {
    return this.in(question.hint);
  }

  /** An option's label; the id itself for an option the question no longer offers (an older version's). */
  option(question: Question, optionId: string): string {
    const option = question.options.find((candidate) => candidate.id === optionId);
    return option ? this.in(option.label) : optionId;
  }
}
