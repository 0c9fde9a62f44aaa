import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALES_DIR, LANGUAGE_NAMES, LANGUAGES } from "../../src/i18n/translator.ts";
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
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
/** Every placeholder any language uses in a key, its plural forms folded into one. */
const placeholdersOfKey = new Map<string, Set<string>>();
for (const language of LANGUAGES) {
  for (const [key, text] of byLanguage[language]!) {
    const names = placeholdersOfKey.get(baseOf(key)) ?? new Set();
    for (const name of placeholders(text)) names.add(name);
    placeholdersOfKey.set(baseOf(key), names);
  }
}

/** What a phone shows on one line of a button: more is cut off with "…". */
const BUTTON_WIDTH = 32;
/** Put before the options an expert has chosen. */
const SELECTED = "✅ ";
const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length;
const SOURCE_DIR = fileURLToPath(new URL("../../src/", import.meta.url));

/**
 * The keys of the texts the bot puts on buttons: every key a `t(…)` call names on a line that adds a
 * button (`.text(` of a keyboard or the question screen's `button(`), so a new button is checked too.
 */
function buttonKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(SOURCE_DIR, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts")) continue;
    for (const line of readFileSync(join(SOURCE_DIR, file), "utf8").split("\n")) {
      if (!/\.text\(|\bbutton\(/.test(line)) continue;
      for (const [, args] of line.matchAll(/\bt\(([^()]*)/g)) {
        for (const [, key] of args!.matchAll(/"([\w:.]+)"/g))
          keys.add(key!.includes(":") ? key! : `bot:${key}`);
      }
    }
  }
  return keys;
}

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

  it.each(LANGUAGES)("%s uses every placeholder that any language uses in the same key", (language) => {
    const missing = [...byLanguage[language]!].flatMap(([key, text]) => {
      const own = placeholders(text);
      return [...placeholdersOfKey.get(baseOf(key))!]
        .filter((name) => !own.includes(name))
        .map((name) => `${key}: {{${name}}}`);
    });
    expect(missing).toEqual([]);
  });

  it("finds the button texts in the bot's code", () => {
    expect([...buttonKeys()]).toEqual(
      expect.arrayContaining([
        "bot:buttons.done",
        "bot:buttons.submit_changes",
        "bot:consent.agree",
        "bot:delete.yes",
        "waves:waves.open_button",
        "coordinator:next",
      ]),
    );
  });

  it.each(LANGUAGES)(
    `%s option and button labels fit on one line of a phone (${BUTTON_WIDTH})`,
    (language) => {
      const texts = byLanguage[language]!;
      const labels = [
        ...[...questionnaires.values()].flatMap((questionnaire) => [
          [`${questionnaire.id} title`, questionnaire.title[language] ?? ""],
          ...questionnaire.questions.flatMap((question) =>
            question.options.map((option) => [
              `${question.id}.${option.id}`,
              SELECTED + (option.label[language] ?? ""),
            ]),
          ),
        ]),
        ...Object.entries(LANGUAGE_NAMES).map(([code, name]) => [`language ${code}`, SELECTED + name]),
        ...[...buttonKeys()].map((key) => [key, (texts.get(key) ?? "").replace(/\{\{\w+\}\}/g, "99")]),
      ];
      const long = labels.filter(([, label]) => graphemes(label!) > BUTTON_WIDTH);
      expect(long).toEqual([]);
    },
  );
});
