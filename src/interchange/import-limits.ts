import type { TableLimits } from "../report/table-limits.ts";

/** How much an imported file may hold and cost; a file beyond any of these is refused, not read. */
export interface ImportLimits extends TableLimits {
  /** The file as sent: its declared size and the bytes actually downloaded or read. */
  fileBytes: number;
  /** A workbook's zip entries together, once inflated. */
  unpackedBytes: number;
  /** The V8 heap of the worker that reads the file. */
  workerHeapMegabytes: number;
  /** After this the worker is terminated. */
  workerMilliseconds: number;
}

/**
 * A study of ~100 experts over a few waves needs a few hundred rows and ~60 columns; these leave a wide
 * margin while a refused file still costs the bot well under a second and a bounded amount of memory.
 */
export const IMPORT_LIMITS: ImportLimits = {
  fileBytes: 10 * 1024 * 1024,
  rows: 10_000,
  columns: 256,
  unpackedBytes: 100 * 1024 * 1024,
  workerHeapMegabytes: 256,
  workerMilliseconds: 20_000,
};

/** Why a file was refused before its tables were read. */
export type ImportRefusal = "file_size" | "undeclared_size" | "rows" | "columns" | "unpacked" | "exhausted";
