/**
 * Splits `text` into lines of at most `width` characters, breaking at spaces; a word longer than a line is
 * cut into pieces. Line breaks already in the text are kept.
 *
 * @example
 * wrapText("Электрондық құжаттардың болмауы", 20); // ["Электрондық", "құжаттардың болмауы"]
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((part) => part.length > 0)) {
      for (const piece of splitLongWord(word, width)) {
        if (line.length === 0) line = piece;
        else if ([...line].length + 1 + [...piece].length <= width) line = `${line} ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

function splitLongWord(word: string, width: number): string[] {
  const characters = [...word];
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += width) {
    pieces.push(characters.slice(start, start + width).join(""));
  }
  return pieces;
}
