/**
 * The longest start of `text` that takes at most `maxBytes` bytes in UTF-8, cut between characters, never
 * inside one.
 *
 * @example
 * cutToBytes("Әсел", 3); // "Ә" (Ә takes 2 bytes, с another 2)
 */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let bytes = 0;
  let cut = "";
  for (const character of text) {
    bytes += utf8Bytes(character);
    if (bytes > maxBytes) break;
    cut += character;
  }
  return cut;
}

/** Length of `text` in UTF-8 bytes. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
