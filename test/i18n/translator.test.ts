import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { memoiseRepeatedTexts, Translations } from "../../src/i18n/translator.ts";

const translations = Translations.load();

describe("a language's translator, which remembers repeated texts", () => {
  it("gives each count its own plural form, asked in any order and again", () => {
    const t = translations.forLanguage("ru");
    const forms = [1, 3, 5, 21, 3, 1, 5].map((count) => t("interchange:import.more", { count }));
    expect(forms.slice(0, 4)).toEqual([
      "…и ещё 1 ошибка.",
      "…и ещё 3 ошибки.",
      "…и ещё 5 ошибок.",
      "…и ещё 21 ошибка.",
    ]);
    expect(forms.slice(4)).toEqual([forms[1], forms[0], forms[2]]);
  });

  it("gives each set of numbers its own text, whatever was asked before", () => {
    const t = translations.forLanguage("en");
    expect(t("buttons.edit", { number: 2 })).toBe("✏️ 2");
    expect(t("buttons.edit", { number: 12 })).toBe("✏️ 12");
    expect(t("problems.out_of_range", { min: 0, max: 10 })).toBe("Please type a number from 0 to 10.");
    expect(t("problems.out_of_range", { min: 0, max: 60 })).toBe("Please type a number from 0 to 60.");
    expect(t("buttons.edit", { number: 2 })).toBe("✏️ 2");
  });

  it("fills texts with words anew on every call", () => {
    const t = translations.forLanguage("en");
    expect(t("question.current_answer", { answer: "yes" })).toBe("Your answer: yes");
    expect(t("question.current_answer", { answer: "no" })).toBe("Your answer: no");
  });

  it("stays right after more distinct numbers than it keeps", () => {
    const t = translations.forLanguage("kk");
    for (let number = 0; number < 25_000; number++) t("buttons.edit", { number });
    expect(t("buttons.edit", { number: 1 })).toBe("✏️ 1");
    expect(t("buttons.edit", { number: 24_999 })).toBe("✏️ 24999");
  });
});

describe("memoiseRepeatedTexts", () => {
  /** A stand-in for i18next's t that counts its lookups. */
  function countingT() {
    const lookups: string[] = [];
    const t = ((key: string, options?: Record<string, unknown>) => {
      lookups.push(key);
      return `${key}${JSON.stringify(options ?? {})}`;
    }) as unknown as TFunction;
    return { t: memoiseRepeatedTexts(t), lookups };
  }

  it("looks a text up once however often the same key and numbers are asked for", () => {
    const { t, lookups } = countingT();
    for (let round = 0; round < 3; round++) {
      t("buttons.back");
      t("buttons.edit", { number: 2 });
    }
    t("buttons.edit", { number: 3 });
    expect(lookups).toEqual(["buttons.back", "buttons.edit", "buttons.edit"]);
  });

  it("looks a text with words in its options up every time", () => {
    const { t, lookups } = countingT();
    t("question.current_answer", { answer: "yes" });
    t("question.current_answer", { answer: "yes" });
    expect(lookups).toHaveLength(2);
  });
});
