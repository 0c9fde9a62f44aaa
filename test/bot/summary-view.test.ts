import { describe, expect, it } from "vitest";
import { summaryPagesFor } from "../../src/bot/features/coordinator/summary-view.ts";
import { Translations } from "../../src/i18n/translator.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { storeTelegramResponse } from "../interchange/varied-responses.ts";
import { createTestBot } from "../support/test-bot.ts";

const en = Translations.load().forLanguage("en");
const [A, B, C, D, E, F, G] = [
  "no_e_documents",
  "no_temp_registration",
  "foreign_id_only",
  "language_barrier",
  "no_medical_documents",
  "low_knowledge_grade",
  "no_prior_schooling",
] as const;

function ranking(region: string, order: string[]): Answers {
  return {
    region: { kind: "choice", option: region },
    barriers_rank: { kind: "rank", order },
  };
}

/**
 * Five experts whose mean ranks are known by hand: Shymkent A 1, B 2.5, C 2.5, D 4, E 5, F 6, G 7 against
 * Turkestan region A 4.5, B 3.5, C 4, D 4, E 4, F 4.5, G 3.5 (Spearman's rho −0.2384, p 0.6067 with 5 df);
 * anonymous A 1.5, B 2, C 2.5, D 4, E 5, F 6.5, G 6.5 against named A 3, B 3.33, C 3.67, D 4, E 4.33,
 * F 4.67, G 5 (rho 0.9910, p 1.5e-5). Computed independently with R's cor() and pt().
 */
const EXPERTS: { anonymous: boolean; answers: Answers }[] = [
  { anonymous: false, answers: ranking("shymkent", [A, B, C, D, E, F, G]) },
  { anonymous: true, answers: ranking("shymkent", [A, C, B, D, E, F, G]) },
  { anonymous: false, answers: ranking("turkestan_region", [G, F, E, D, C, B, A]) },
  { anonymous: true, answers: ranking("turkestan_region", [B, A, C, D, E, G, F]) },
  { anonymous: false, answers: ranking("other", [A, B, C, D, E, F, G]) },
];

function rankPageOf(pages: { text: string }[]): string {
  return pages.find((page) => page.text.includes("Generalised ranking"))?.text ?? "";
}

describe("summaryPagesFor", () => {
  it("compares the rankings of Shymkent with Turkestan region, and of anonymous with named experts", async () => {
    const { services } = await createTestBot();
    for (const [index, expert] of EXPERTS.entries()) {
      await storeTelegramResponse(services, "education", 1, `e${index}`, expert);
    }
    const page = rankPageOf(await summaryPagesFor(services, en, "education", 1));
    expect(page.split("\n").slice(-3)).toEqual([
      "Between groups of experts (last wave):",
      "Shymkent (2) vs Turkestan region (2): rho = -0.24 (p = 0.607)",
      "anonymous (2) vs named (3): rho = 0.99 (p < 0.001)",
    ]);
  });

  it("says when two groups cannot be correlated, and leaves out a comparison with one group only", async () => {
    const { services } = await createTestBot();
    // Turkestan region's two rankings cancel out: every item's mean rank is 4, so rho has nothing to work on.
    const named = [
      ranking("shymkent", [A, B, C, D, E, F, G]),
      ranking("turkestan_region", [A, B, C, D, E, F, G]),
      ranking("turkestan_region", [G, F, E, D, C, B, A]),
    ];
    for (const [index, answers] of named.entries()) {
      await storeTelegramResponse(services, "education", 1, `n${index}`, { anonymous: false, answers });
    }
    const page = rankPageOf(await summaryPagesFor(services, en, "education", 1));
    expect(page.split("\n").slice(-2)).toEqual([
      "Between groups of experts (last wave):",
      "Shymkent (1) vs Turkestan region (2): too few rankings to compare",
    ]);
  });
});
