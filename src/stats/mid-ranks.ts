/**
 * Ranks of `values` in ascending order (the smallest value gets rank 1); tied values share the mean of the
 * places they occupy.
 *
 * @example
 * midRanks([10, 30, 20, 20]); // [1, 4, 2.5, 2.5]
 */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end += 1;
    const sharedRank = (start + 1 + end + 1) / 2;
    for (let position = start; position <= end; position += 1) ranks[order[position]!] = sharedRank;
    start = end + 1;
  }
  return ranks;
}
