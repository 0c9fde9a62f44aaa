import { createHash, randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for each other when copied by hand (no 0/O, 1/I). */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const GROUPS = 7;
const GROUP_LENGTH = 4;
/** 28 characters of 5 bits: 140 random bits, beyond any guessing. */
const LENGTH = GROUPS * GROUP_LENGTH;
const SHAPE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/**
 * A new receipt: the secret that alone reopens a submitted response. Only its hash is stored.
 *
 * @example
 * newReceipt(); // "K7Q2-M9XP-4HRT-...": seven groups of four
 */
export function newReceipt(): string {
  const characters = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return Array.from({ length: GROUPS }, (_, group) =>
    characters.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join(""),
  ).join("-");
}

/**
 * The receipt in a text an expert sent or a button carried, in its compact form; undefined when the text is
 * not shaped like one. Case, spaces and dashes do not matter, as people retype codes.
 */
export function parseReceipt(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, "");
  return SHAPE.test(compact) ? compact : undefined;
}

/** What the database keeps of a receipt: its SHA-256, which cannot lead back to the 140 random bits. */
export function receiptHash(receipt: string): string {
  const compact = parseReceipt(receipt) ?? receipt;
  return createHash("sha256").update(compact).digest("hex");
}
