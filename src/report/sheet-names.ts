const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * Turns names into worksheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, not
 * starting or ending with an apostrophe, not empty, and unique ignoring case (repeats get " (2)", " (3)").
 *
 * @example
 * uniqueSheetNames(["Wave 1/2", "wave 1_2", ""]); // ["Wave 1_2", "wave 1_2 (2)", "Sheet"]
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = truncate(sanitise(name), MAX_LENGTH) || "Sheet";
    let candidate = base;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) {
      const suffix = ` (${copy})`;
      candidate = truncate(base, MAX_LENGTH - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function sanitise(name: string): string {
  return name
    .replace(FORBIDDEN, "_")
    .replace(/\p{Cc}/gu, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
}

/** Cuts by UTF-16 length, the unit Excel counts, without splitting a surrogate pair. */
function truncate(text: string, length: number): string {
  let result = "";
  for (const character of text) {
    if (result.length + character.length > length) break;
    result += character;
  }
  return result.trimEnd();
}
