import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type TFunction } from "i18next";

export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL("../../locales/", import.meta.url));

export type Translate = TFunction;

/** Every text the bot shows, in every language; one instance per process, never switched globally. */
export class Translations {
  private readonly byLanguage = new Map<Language, Translate>();

  private constructor(private readonly instance: i18n) {}

  /**
   * Loads `locales/<language>/<namespace>.json` for every language.
   *
   * @example
   * const t = Translations.load().forLanguage("kk");
   * t("questionnaire:titles.education"); // "Білім беру"
   */
  static load(dir: string = DEFAULT_LOCALES_DIR): Translations {
    const resources: Record<string, Record<string, unknown>> = {};
    for (const language of LANGUAGES) {
      const folder = join(dir, language);
      resources[language] = Object.fromEntries(
        readdirSync(folder)
          .filter((file) => file.endsWith(".json"))
          .map((file) => [basename(file, ".json"), JSON.parse(readFileSync(join(folder, file), "utf8"))]),
      );
    }
    const instance = i18next.createInstance();
    void instance.init({
      resources: resources as never,
      initAsync: false,
      lng: "en",
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      ns: Object.keys(resources.en ?? {}),
      defaultNS: "bot",
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    return new Translations(instance);
  }

  /**
   * One text in every language, for texts that travel with a questionnaire (the `other` option `or_other` adds).
   *
   * @example
   * Translations.load().inEveryLanguage("other_option"); // { kk: "Басқа", ru: "Другое", en: "Other" }
   */
  inEveryLanguage(key: string): Partial<Record<Language, string>> {
    return Object.fromEntries(LANGUAGES.map((language) => [language, this.forLanguage(language)(key)]));
  }

  /**
   * The translator of a language. Texts without options, or with numbers only, are looked up once: labels
   * and numbered buttons repeat on every screen.
   */
  forLanguage(language: Language): Translate {
    let translate = this.byLanguage.get(language);
    if (!translate) {
      translate = memoiseRepeatedTexts(this.instance.getFixedT(language));
      this.byLanguage.set(language, translate);
      TRANSLATOR_LANGUAGES.set(translate, language);
    }
    return translate;
  }
}

const TRANSLATOR_LANGUAGES = new WeakMap<Translate, Language>();

/**
 * The language a translator speaks, for the texts that come with a questionnaire rather than the locales.
 *
 * @example
 * languageOf(Translations.load().forLanguage("ru")); // "ru"
 */
export function languageOf(t: Translate): Language {
  const language = TRANSLATOR_LANGUAGES.get(t);
  if (!language) throw new Error("languageOf: a translator made by Translations.forLanguage is needed");
  return language;
}

/** Far above the bot's distinct texts with numbers; a bound all the same, as numbers can come from input. */
const MAX_MEMOISED_TEXTS = 20_000;

export function memoiseRepeatedTexts(t: TFunction): Translate {
  const texts = new Map<string, string>();
  const call = t as unknown as (...args: unknown[]) => string;
  const translate = (key: unknown, ...rest: unknown[]): string => {
    const memoKey = rest.length <= 1 && typeof key === "string" ? repeatableKey(key, rest[0]) : undefined;
    if (memoKey === undefined) return call(key, ...rest);
    let text = texts.get(memoKey);
    if (text === undefined) {
      text = call(key, ...rest);
      if (texts.size >= MAX_MEMOISED_TEXTS) texts.clear();
      texts.set(memoKey, text);
    }
    return text;
  };
  return translate as unknown as Translate;
}

/** The cache key of a call whose options are absent or only numbers; undefined for any other call. */
function repeatableKey(key: string, options: unknown): string | undefined {
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null) return undefined;
  let memoKey = key;
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "number") return undefined;
    memoKey += `\u0000${name}=${value}`;
  }
  return memoKey;
}

/** Our language for a Telegram client language code: Kazakh and Russian as such, everyone else English. */
export function languageFromTelegram(code: string | undefined): Language {
  const base = code?.toLowerCase().split("-")[0];
  if (base === "kk") return "kk";
  if (base === "ru" || base === "uk" || base === "be" || base === "ky" || base === "uz" || base === "tg")
    return "ru";
  return "en";
}

/** Each language by its own name, as the language buttons and /my_data show it. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: "Қазақша", ru: "Русский", en: "English" };

/** The name of a stored language code; a code that is not one of ours is shown as it is. */
export function languageName(code: string): string {
  return isLanguage(code) ? LANGUAGE_NAMES[code] : code;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
