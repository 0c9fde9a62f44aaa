import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/report/csv.ts";

const tricky = [
  ["respondent_id", "answer", "note"],
  ["r1", "Электрондық құжаттардың болмауы", 'Ол: "иә", бірақ'],
  ["r2", "line one\r\nline two", "әғқңөұүһі\nжаңа жол"],
  ["r3", "=SUM(A1:A2)", "+7 701 000 00 00"],
  ["r4", "-minus", "@handle"],
  ["r5", "'=already quoted", "'plain apostrophe"],
  ["r6", "  leading space", "trailing space  "],
  ["r7", "a;b", ""],
];

describe("toCsv", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    const csv = toCsv([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(csv).toBe("\uFEFFa,b\r\nc,d\r\n");
  });

  it("quotes fields with quotes, commas, semicolons, line breaks and outer spaces", () => {
    expect(toCsv([['say "hi"', "a,b", "a;b", "a\nb", " x", "x "]])).toBe(
      '\uFEFF"say ""hi""","a,b","a;b","a\nb"," x","x "\r\n',
    );
  });

  it("guards formula-looking text but keeps numbers as numbers", () => {
    expect(toCsv([["=1+2", "-5", -5, 3.5, null, "\tx"]])).toBe("\uFEFF'=1+2,'-5,-5,3.5,,'\tx\r\n");
  });
});

describe("parseCsv", () => {
  it("round-trips Cyrillic, Kazakh, quotes, commas, line breaks and formula-looking cells", () => {
    expect(parseCsv(toCsv(tricky))).toEqual(tricky);
  });

  it("reads numbers back as their text", () => {
    expect(parseCsv(toCsv([[1, -5, 2.5, null]]))).toEqual([["1", "-5", "2.5", ""]]);
  });

  it("accepts LF line ends, no BOM and a missing final line end", () => {
    expect(parseCsv('a,b\n"x\ny",z')).toEqual([
      ["a", "b"],
      ["x\ny", "z"],
    ]);
  });

  it("detects semicolons as Excel writes them in the Russian and Kazakh locales", () => {
    const text = '\uFEFFrespondent_id;wave;recommendations\r\nr1;1;"Көбірек; тіл курстары, мектептер"\r\n';
    expect(parseCsv(text)).toEqual([
      ["respondent_id", "wave", "recommendations"],
      ["r1", "1", "Көбірек; тіл курстары, мектептер"],
    ]);
  });

  it("keeps commas as the delimiter when the header has both", () => {
    expect(parseCsv("a,b;c\n1,2")).toEqual([
      ["a", "b;c"],
      ["1", "2"],
    ]);
  });

  it("keeps empty fields and empty lines in place", () => {
    expect(parseCsv("a,,c\r\n\r\n,,\r\n")).toEqual([["a", "", "c"], [""], ["", "", ""]]);
  });
});
