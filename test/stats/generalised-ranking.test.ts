import { describe, expect, it } from "vitest";
import { generalisedRanking } from "../../src/stats/generalised-ranking.ts";
import { kendallW } from "../../src/stats/kendall-w.ts";

describe("generalisedRanking", () => {
  it("gives an expert's unranked items the mean of the remaining places", () => {
    const items = ["a", "b", "c", "d", "e", "f", "g"];
    const { rankMatrix } = generalisedRanking(items, [["c", "a", "g"]]);
    expect(rankMatrix).toEqual([[2, 5.5, 1, 5.5, 5.5, 5.5, 3]]);
  });

  it("builds a hand-computed collective ranking of partial rankings, and its concordance", () => {
    // Expert 1 ranks all, expert 2 stops after two, expert 3 after one:
    // a: 1 + 2 + 1 = 4, b: 2 + 1 + 3 = 6, c: 3 + 3.5 + 3 = 9.5, d: 4 + 3.5 + 3 = 10.5.
    const { items, rankMatrix } = generalisedRanking(
      ["a", "b", "c", "d"],
      [["a", "b", "c", "d"], ["b", "a"], ["a"]],
    );
    expect(rankMatrix).toEqual([
      [1, 2, 3, 4],
      [2, 1, 3.5, 3.5],
      [1, 3, 3, 3],
    ]);
    expect(items).toEqual([
      { id: "a", rankSum: 4, meanRank: 4 / 3, place: 1 },
      { id: "b", rankSum: 6, meanRank: 2, place: 2 },
      { id: "c", rankSum: 9.5, meanRank: 9.5 / 3, place: 3 },
      { id: "d", rankSum: 10.5, meanRank: 3.5, place: 4 },
    ]);
    // S = 3.5² + 1.5² + 2² + 3² = 27.5; ties: expert 2 one pair (6), expert 3 a triple (24);
    // W = 12·27.5 / (3²·(4³ − 4) − 3·30) = 330 / 450.
    const concordance = kendallW(rankMatrix);
    expect(concordance.w).toBeCloseTo(330 / 450, 12);
    expect(concordance.chiSquare).toBeCloseTo(6.6, 12);
    expect(concordance.df).toBe(3);
    expect(concordance.p).toBeCloseTo(0.08580108740012314, 9);
  });

  it("lets items with the same mean rank share a place, competition style", () => {
    const { items } = generalisedRanking(
      ["a", "b", "c", "d"],
      [
        ["a", "b", "c", "d"],
        ["a", "c", "b", "d"],
      ],
    );
    expect(items.map((item) => item.place)).toEqual([1, 2, 2, 4]);
  });

  it("ignores experts who ranked nothing, and ids that are not items or repeat", () => {
    const { items, rankMatrix } = generalisedRanking(["a", "b"], [[], ["b", "x", "b", "a"], ["zzz"]]);
    expect(rankMatrix).toEqual([[2, 1]]);
    expect(items.map((item) => item.place)).toEqual([2, 1]);
  });

  it("has no ranking when nobody ranked", () => {
    expect(generalisedRanking(["a", "b"], [])).toEqual({ items: [], rankMatrix: [] });
  });
});
