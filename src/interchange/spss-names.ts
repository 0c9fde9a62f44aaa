/** SPSS's longest variable name, in bytes. */
const MAX_NAME_BYTES = 64;
/** Words SPSS reserves: a variable cannot be named so. */
const RESERVED = new Set(["all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"]);

/**
 * SPSS-legal variable names for `candidates`, in the same order, unique regardless of case: letters, digits
 * and `_` only, starting with a letter, not ending with `_` or `.` (SPSS's procedures append to such names),
 * no reserved word, at most 64 bytes. A name already taken gets `_2`, `_3`, … within the length limit.
 *
 * @example
 * spssVariableNames(["barriers_rank", "1st choice", "to", "barriers_rank"]);
 * // ["barriers_rank", "v1st_choice", "to_v", "barriers_rank_2"]
 */
export function spssVariableNames(candidates: readonly string[]): string[] {
  const taken = new Set<string>();
  return candidates.map((candidate) => {
    const base = legalName(candidate);
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) {
      name = `${base.slice(0, MAX_NAME_BYTES - String(suffix).length - 1)}_${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function legalName(candidate: string): string {
  let name = candidate
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/_+$/, "");
  if (!/^[A-Za-z]/.test(name)) name = `v${name}`;
  if (RESERVED.has(name.toLowerCase())) name = `${name}_v`;
  return name.slice(0, MAX_NAME_BYTES).replace(/_+$/, "");
}
