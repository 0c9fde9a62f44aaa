import { Worker } from "node:worker_threads";
import { IMPORT_LIMITS, type ImportLimits } from "./import-limits.ts";
import type { TableFile } from "./read-table-file.ts";

const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(`./table-reader-worker.${FROM_SOURCE ? "ts" : "js"}`, import.meta.url);
const EXHAUSTED: TableFile = { ok: false, refusal: "exhausted" };

/** What the worker reads: the tables of responses ({@link readTableFile}) or every sheet of a workbook. */
export type TableSelection = "responses" | "workbook";

/**
 * {@link readTableFile} (or, for `workbook`, `readWorkbookTables`) in a worker thread with a heap limit
 * and a deadline, so that a file that is slow or huge to read holds up no other update: a worker that runs
 * out of memory or time is ended and the file refused as `exhausted`. Works from the built JavaScript and
 * from the TypeScript source (tests, tsx).
 *
 * @example
 * await readTableFileIsolated(bytes); // { ok: false, refusal: "rows" } for a sheet with a cell at A1048576
 */
export function readTableFileIsolated(
  bytes: Uint8Array,
  limits = IMPORT_LIMITS,
  selection: TableSelection = "responses",
): Promise<TableFile> {
  if (bytes.length > limits.fileBytes) return Promise.resolve({ ok: false, refusal: "file_size" });
  return new Promise((resolve) => {
    const worker = startWorker({ bytes, limits, selection }, limits);
    let settled = false;
    const settle = (file: TableFile) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(file);
    };
    const deadline = setTimeout(() => settle(EXHAUSTED), limits.workerMilliseconds);
    worker.once("message", settle);
    worker.once("error", (error: Error & { code?: string }) =>
      settle(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? EXHAUSTED
          : { ok: false, problem: "the file could not be read as a table" },
      ),
    );
    worker.once("exit", () => settle(EXHAUSTED));
  });
}

function startWorker(
  workerData: { bytes: Uint8Array; limits: ImportLimits; selection: TableSelection },
  limits: ImportLimits,
): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.workerHeapMegabytes };
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData, resourceLimits });
  // Node does not load TypeScript by itself: the worker registers tsx first, as the test runner does.
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
