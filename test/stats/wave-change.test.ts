import { describe, expect, it } from "vitest";
import type { OptionDistribution } from "../../src/stats/summary-types.ts";
import { rating, waveChange } from "../../src/stats/wave-change.ts";

function distribution(shown: number, counts: Record<string, number>): OptionDistribution {
  return {
    shown,
    answered: shown,
    options: Object.entries(counts).map(([id, count]) => ({ id, count, percent: 0 })),
    other: [],
  };
}

describe("waveChange", () => {
  it("computes percentage points from unrounded shares, not from the rounded percents", () => {
    // 20/42 = 47.6 %, 7/42 = 16.7 %: the rounded percents differ by 30.9, the shares by 30.95… → 31.0.
    const change = waveChange(
      distribution(42, { language_barrier: 20, no_e_documents: 29 }),
      distribution(42, { language_barrier: 7, no_e_documents: 26 }),
    );
    expect(change).toEqual([
      { id: "language_barrier", pp: -31.0 },
      { id: "no_e_documents", pp: -7.1 },
    ]);
  });

  it("compares waves of different sizes", () => {
    expect(waveChange(distribution(40, { yes: 10 }), distribution(50, { yes: 20 }))).toEqual([
      { id: "yes", pp: 15 },
    ]);
  });

  it("counts a wave where nobody was shown the question as share 0", () => {
    expect(waveChange(distribution(0, { yes: 0 }), distribution(8, { yes: 1 }))).toEqual([
      { id: "yes", pp: 12.5 },
    ]);
  });
});

describe("rating", () => {
  it("orders options by share, keeping questionnaire order between equal shares", () => {
    const options = [
      { id: "a", count: 4, percent: 9.5 },
      { id: "b", count: 26, percent: 61.9 },
      { id: "c", count: 7, percent: 16.7 },
      { id: "d", count: 7, percent: 16.7 },
    ];
    expect(rating(options).map((option) => option.id)).toEqual(["b", "c", "d", "a"]);
    expect(options.map((option) => option.id)).toEqual(["a", "b", "c", "d"]);
  });
});
