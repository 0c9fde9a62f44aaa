/** One item's place in the generalised ranking of a group of experts. */
export interface RankedItem {
  id: string;
  /** Sum of the item's ranks over the experts; a multiple of 0.5. */
  rankSum: number;
  /** Mean rank over the experts, unrounded (1 = ranked first). */
  meanRank: number;
  /** 1 = ranked first; items with equal mean rank share a place, competition style (1, 2, 2, 4). */
  place: number;
}

/** The generalised (collective) ranking of a group of experts. */
export interface GeneralisedRanking {
  /** One entry per item, in the order of the item ids given; empty when no expert ranked anything. */
  items: RankedItem[];
  /** Ranks given, rows = experts who ranked at least one item, columns = items: input for `kendallW`. */
  rankMatrix: number[][];
}

/**
 * Builds the generalised ranking of `itemIds` from each expert's `rankings` (item ids, first place first).
 * A ranking may stop early: the expert's unranked items share the mean of the remaining places (7 items, top 3
 * given → the other 4 each get (4 + 5 + 6 + 7) / 4 = 5.5). Unknown and repeated ids are skipped; experts who
 * ranked no item are left out.
 *
 * @example
 * generalisedRanking(["a", "b", "c"], [["a", "b", "c"], ["b"]]).items;
 * // [{ id: "a", rankSum: 3.5, meanRank: 1.75, place: 2 }, { id: "b", rankSum: 3, meanRank: 1.5, place: 1 },
 * //  { id: "c", rankSum: 5.5, meanRank: 2.75, place: 3 }]
 */
export function generalisedRanking(
  itemIds: readonly string[],
  rankings: readonly (readonly string[])[],
): GeneralisedRanking {
  const columnOf = new Map(itemIds.map((id, column) => [id, column]));
  const rankMatrix = rankings
    .map((ranking) => ranking.filter((id, position) => columnOf.has(id) && ranking.indexOf(id) === position))
    .filter((ranked) => ranked.length > 0)
    .map((ranked) => ranksOf(ranked, columnOf, itemIds.length));
  if (rankMatrix.length === 0) return { items: [], rankMatrix };
  const rankSums = itemIds.map((_, column) => rankMatrix.reduce((total, row) => total + row[column]!, 0));
  const items = itemIds.map((id, column) => {
    const rankSum = rankSums[column]!;
    return {
      id,
      rankSum,
      meanRank: rankSum / rankMatrix.length,
      place: rankSums.filter((other) => other < rankSum).length + 1,
    };
  });
  return { items, rankMatrix };
}

function ranksOf(
  ranked: readonly string[],
  columnOf: ReadonlyMap<string, number>,
  itemCount: number,
): number[] {
  const sharedRank = (ranked.length + 1 + itemCount) / 2;
  const row = new Array<number>(itemCount).fill(sharedRank);
  ranked.forEach((id, position) => {
    row[columnOf.get(id)!] = position + 1;
  });
  return row;
}
