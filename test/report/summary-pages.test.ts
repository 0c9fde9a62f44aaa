import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { agreementLines } from "../../src/report/summary-pages.ts";

const en = Translations.load().forLanguage("en");

function wording(w: number, p = 0.01): string {
  const [line] = agreementLines(en, {
    ranking: [],
    kendallW: w,
    chiSquare: 10,
    df: 4,
    p,
    approximationReliable: true,
  });
  return line!.replace(/^.*: /, "");
}

describe("agreementLines", () => {
  it.each([
    [0, "practically no agreement between experts"],
    [0.0999, "practically no agreement between experts"],
    [0.1, "experts agree weakly"],
    [0.2999, "experts agree weakly"],
    [0.3, "experts agree moderately"],
    [0.4999, "experts agree moderately"],
    [0.5, "experts agree strongly"],
    [0.6999, "experts agree strongly"],
    [0.7, "experts agree very strongly"],
    [1, "experts agree very strongly"],
  ])("words W = %s as “%s”", (w, words) => {
    expect(wording(w)).toBe(`${words}; the agreement is statistically significant.`);
  });

  it("calls the agreement significant below p = 0.05 only", () => {
    expect(wording(0.4, 0.0499)).toBe(
      "experts agree moderately; the agreement is statistically significant.",
    );
    expect(wording(0.4, 0.05)).toBe("experts agree moderately; the agreement may be due to chance.");
  });

  it("gives W, chi-square, df and p in figures, and warns when the approximation is not to be trusted", () => {
    const statistics = { ranking: [], kendallW: 0.4123, chiSquare: 12.345, df: 6, p: 0.0004 };
    expect(agreementLines(en, { ...statistics, approximationReliable: true })).toEqual([
      "Kendall's W = 0.41, χ² = 12.3, df = 6, p < 0.001: experts agree moderately; the agreement is statistically significant.",
    ]);
    expect(agreementLines(en, { ...statistics, approximationReliable: false })).toHaveLength(2);
    expect(agreementLines(en, { ranking: [], approximationReliable: false })).toEqual([]);
  });
});
