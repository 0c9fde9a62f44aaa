import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALES_DIR, LANGUAGES, Translations } from "../../src/i18n/translator.ts";
import { questionnaires } from "../support/questionnaires.ts";

type Tree = { [key: string]: string | Tree };

function load(language: string): Record<string, Tree> {
  const dir = join(DEFAULT_LOCALES_DIR, language);
  return Object.fromEntries(
    readdirSync(dir).map((file) => [
      file.replace(/\.json$/, ""),
      JSON.parse(readFileSync(join(dir, file), "utf8")),
    ]),
  );
}

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") result.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) result.set(k, v);
  }
  return result;
}

const byLanguage = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    new Map(Object.entries(load(language)).flatMap(([ns, tree]) => [...leaves(tree, `${ns}:`)])),
  ]),
);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Plural keys: those whose `_other` form English has (a key like `select_one` alone is no plural). */
const plurals = new Set(
  [...byLanguage.en!.keys()]
    .filter((key) => key.endsWith("_other"))
    .map((key) => key.replace(PLURAL_SUFFIX, "")),
);
const baseOf = (key: string) => {
  const base = key.replace(PLURAL_SUFFIX, "");
  return plurals.has(base) ? base : key;
};
/** Keys with i18next's plural suffixes folded into one, since each language has its own plural forms. */
const baseKeys = (language: string) => new Set([...byLanguage[language]!.keys()].map(baseOf));
const allKeys = new Set(LANGUAGES.flatMap((language) => [...baseKeys(language)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it.each(LANGUAGES)("%s has every key that any language has", (language) => {
    const missing = [...allKeys].filter((key) => !baseKeys(language).has(key));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)("%s has every plural form its grammar needs", (language) => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const missing = [...plurals].flatMap((key) =>
      forms.filter((form) => !byLanguage[language]!.has(`${key}_${form}`)).map((form) => `${key}_${form}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)("%s keeps the placeholders of the English text", (language) => {
    const differing = [...byLanguage[language]!].filter(([key, text]) => {
      const english = byLanguage.en!.get(key) ?? byLanguage.en!.get(`${baseOf(key)}_other`);
      return english !== undefined && placeholders(text).join() !== placeholders(english).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it.each(LANGUAGES)("%s names every questionnaire, question and option", (language) => {
    const t = Translations.load().forLanguage(language);
    const missing: string[] = [];
    const check = (key: string) => {
      if (!t(key, { defaultValue: "" })) missing.push(key);
    };
    for (const questionnaire of questionnaires.values()) {
      check(`questionnaire:titles.${questionnaire.id}`);
      check(`questionnaire:descriptions.${questionnaire.id}`);
      for (const question of questionnaire.questions) {
        check(`questionnaire:questions.${question.textOwner}.${question.id}.text`);
        check(`questionnaire:questions.${question.textOwner}.${question.id}.short`);
        for (const option of question.options)
          check(`questionnaire:choices.${question.choices}.${option.id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)("%s button labels fit on a phone (32 characters)", (language) => {
    const long = [...byLanguage[language]!].filter(
      ([key, text]) =>
        (key.startsWith("questionnaire:choices.") || key.startsWith("bot:buttons.")) && [...text].length > 32,
    );
    expect(long).toEqual([]);
  });
});
