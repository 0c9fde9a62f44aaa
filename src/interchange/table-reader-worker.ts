import { parentPort, workerData } from "node:worker_threads";
import type { ImportLimits } from "./import-limits.ts";
import { readTableFile, readWorkbookTables } from "./read-table-file.ts";
import type { TableSelection } from "./read-table-file-isolated.ts";

// The body of the worker started by readTableFileIsolated: one file in, its tables (or why not) out.
const { bytes, limits, selection } = workerData as {
  bytes: Uint8Array;
  limits: ImportLimits;
  selection: TableSelection;
};
const read = selection === "workbook" ? readWorkbookTables : readTableFile;
parentPort?.postMessage(await read(bytes, limits));
