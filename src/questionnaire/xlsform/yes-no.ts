const YES = new Set(["yes", "true", "true()", "1"]);
const NO = new Set(["", "no", "false", "false()", "0"]);

/**
 * A yes/no cell as XLSForm tools write it (`yes`, `TRUE`, `true()`, `1`; empty is no); undefined when it is
 * neither, for the caller to refuse with its column's name.
 *
 * @example
 * readYesNo("TRUE"); // true
 * readYesNo(""); // false
 * readYesNo("maybe"); // undefined
 */
export function readYesNo(cell: string): boolean | undefined {
  const written = cell.trim().toLowerCase();
  if (YES.has(written)) return true;
  if (NO.has(written)) return false;
  return undefined;
}
