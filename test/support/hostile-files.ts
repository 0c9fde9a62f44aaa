import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

/** A workbook whose one sheet has an interchange header and, besides, the cells at `addresses`. */
async function workbookWith(addresses: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Responses");
  sheet.addRow(["respondent_id", "wave", "questionnaire", "anonymous"]);
  for (const address of addresses) sheet.getCell(address).value = "x";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 1.5–6 KB: one cell at the last row Excel has, A1048576. */
export function workbookWithLastRowCell(): Promise<Buffer> {
  return workbookWith(["A1048576"]);
}

/** ~5 KB: 300 cells in the last column Excel has, XFD. */
export function workbookWithLastColumnCells(): Promise<Buffer> {
  return workbookWith(Array.from({ length: 300 }, (_, index) => `XFD${index + 2}`));
}

/** 10 MB of line ends: ten million empty rows. */
export function csvOfNewlines(bytes = 10 * 1024 * 1024): Buffer {
  return Buffer.alloc(bytes, "\n");
}

interface ZipEntry {
  name: string;
  data: Buffer;
  /** The uncompressed size written into the headers; the true size when not given. */
  declaredSize?: number;
}

/**
 * A zip bomb with a worksheet entry of `inflatedBytes` zeros (a few hundred KB compressed), whose headers
 * declare `declaredSize` (the true size unless given): honest, it is refused by what it declares; lying, by
 * how far it inflates.
 */
export function zipBomb(inflatedBytes: number, declaredSize?: number): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    {
      name: "xl/worksheets/sheet1.xml",
      data: Buffer.alloc(inflatedBytes),
      ...(declaredSize === undefined ? {} : { declaredSize }),
    },
  ]);
}

/** A zip archive of deflated entries, written field by field so that its headers can lie. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  return crc >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ byte) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}
