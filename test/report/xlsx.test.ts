import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbook } from "../../src/report/xlsx.ts";

const rows = [
  ["respondent_id", "wave", "answer"],
  ["r1", 1, "Электрондық құжаттардың болмауы"],
  ["r2", 2, 'Ол: "иә", бірақ\nжаңа жол'],
  ["r3", -5, "=SUM(A1:A2)"],
  ["r4", 2.5, "'=already quoted"],
  ["r5", null, "@handle"],
  ["r6", 0, "-minus"],
];

describe("buildWorkbook and readWorkbook", () => {
  it("round-trip text, numbers, empty cells and formula-looking cells", async () => {
    const sheets = await readWorkbook(await buildWorkbook([{ name: "Жауаптар", rows }]));
    expect(sheets).toEqual([{ name: "Жауаптар", rows }]);
  });

  it("stores guarded text as text, never as a formula", async () => {
    const workbook = await openWithExcelJs(await buildWorkbook([{ name: "s", rows }]));
    const cell = workbook.worksheets[0]!.getCell("C4");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("'=SUM(A1:A2)");
    expect(workbook.worksheets[0]!.getCell("B4").value).toBe(-5);
  });

  it("makes the header bold and frozen and sizes the columns", async () => {
    const workbook = await openWithExcelJs(
      await buildWorkbook([
        { name: "a", rows },
        { name: "b", rows, header: false, columnWidths: [40] },
      ]),
    );
    const [first, second] = workbook.worksheets;
    expect(first!.getCell("A1").font?.bold).toBe(true);
    expect(first!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(first!.getColumn(3).width).toBeGreaterThan(first!.getColumn(2).width ?? 0);
    expect(second!.getCell("A1").font?.bold).not.toBe(true);
    expect(second!.getColumn(1).width).toBe(40);
  });

  it("makes sheet names valid and unique", async () => {
    const sheets = await readWorkbook(
      await buildWorkbook([
        { name: "Wave 1/2: білім беру саласындағы сарапшылар", rows: [["x"]] },
        { name: "wave 1_2_ білім беру саласындағы сарапшылар", rows: [["y"]] },
      ]),
    );
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      "Wave 1_2_ білім беру саласындағ",
      "wave 1_2_ білім беру саласы (2)",
    ]);
  });

  it("flattens rich text and takes cached formula results without evaluating anything", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.addRow([
      { richText: [{ text: "Қазақ", font: { bold: true } }, { text: "стан" }] },
      { formula: "1+1", result: 2 },
      { formula: 'A1&"!"', result: "Қазақстан!" },
      { formula: "NOW()" },
      true,
      new Date(Date.UTC(2025, 2, 1)),
      { text: "link", hyperlink: "https://example.org" },
    ]);
    const read = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read[0]!.rows).toEqual([["Қазақстан", 2, "Қазақстан!", "=NOW()", "TRUE", "2025-03-01", "link"]]);
  });
});

async function openWithExcelJs(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}
