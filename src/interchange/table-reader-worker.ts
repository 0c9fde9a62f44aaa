import { parentPort, workerData } from "node:worker_threads";
import type { ImportLimits } from "./import-limits.ts";
import { readTableFile } from "./read-table-file.ts";

// The body of the worker started by readTableFileIsolated: one file in, its tables (or why not) out.
const { bytes, limits } = workerData as { bytes: Uint8Array; limits: ImportLimits };
parentPort?.postMessage(await readTableFile(bytes, limits));
