import { type File, Open } from "unzipper";
import { sheetExtent } from "../report/sheet-extent.ts";
import type { ImportLimits, ImportRefusal } from "./import-limits.ts";

const WORKSHEET_ENTRY = /^\/?xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Checks an .xlsx file's zip container before the workbook is loaded: the sizes its central directory declares,
 * then each entry inflated no further than what is declared and what the limits leave (so a lying size stops
 * there too), and how far each worksheet reaches. Undefined when nothing is over; a container that cannot
 * be read is left to the workbook reader to report.
 */
export async function checkWorkbookZip(
  bytes: Buffer,
  limits: ImportLimits,
): Promise<ImportRefusal | undefined> {
  let files: File[];
  try {
    files = (await Open.buffer(bytes)).files.filter((file) => file.type === "File");
  } catch {
    return undefined;
  }
  const declared = files.reduce((sum, file) => sum + file.uncompressedSize, 0);
  if (declared > limits.unpackedBytes) return "unpacked";
  for (const file of files) {
    const sheet = WORKSHEET_ENTRY.test(file.path);
    const inflated = await inflateWithin(file, sheet);
    if (inflated === undefined) return "unpacked";
    if (!sheet) continue;
    const extent = sheetExtent(inflated.toString("latin1"));
    if (extent.rows > limits.rows) return "rows";
    if (extent.columns > limits.columns) return "columns";
  }
  return undefined;
}

/** The entry's bytes (or an empty buffer when not kept); undefined once it inflates beyond its declared size. */
async function inflateWithin(file: File, keep: boolean): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > file.uncompressedSize) return undefined;
    if (keep) chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
