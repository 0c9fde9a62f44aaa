import { extname } from "node:path";
import type { PhotoSize } from "grammy/types";

export type FileKind = "photos" | "documents" | "stickers";

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
  fileName?: string;
  mimeType?: string;
}

const ID_PREFIX: Record<FileKind, string> = { photos: "AgAC", documents: "BQAC", stickers: "CAAC" };

const MIME_TYPES: Record<string, string> = {
  ".csv": "text/csv",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain",
  ".webp": "image/webp",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".zip": "application/zip",
};

/** Telegram sniffs the type of an upload; grammY always sends application/octet-stream. */
export function guessMimeType(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

export class FileStore {
  #byId = new Map<string, StoredFile>();
  #byPath = new Map<string, StoredFile>();
  #counter = 0;

  add(kind: FileKind, bytes: Buffer, details: { fileName?: string; mimeType?: string } = {}): StoredFile {
    this.#counter += 1;
    const serial = this.#counter.toString(36).padStart(6, "0");
    const extension =
      extname(details.fileName ?? "") || (kind === "photos" ? ".jpg" : kind === "stickers" ? ".webp" : "");
    const file: StoredFile = {
      file_id: `${ID_PREFIX[kind]}AgADemu${serial}`,
      file_unique_id: `AQADemu${serial}`,
      file_path: `${kind}/file_${this.#counter}${extension}`,
      bytes,
      ...(details.fileName !== undefined ? { fileName: details.fileName } : {}),
      ...(details.mimeType !== undefined ? { mimeType: details.mimeType } : {}),
    };
    this.#byId.set(file.file_id, file);
    this.#byPath.set(file.file_path, file);
    return file;
  }

  byId(fileId: string): StoredFile | undefined {
    return this.#byId.get(fileId);
  }

  byPath(filePath: string): StoredFile | undefined {
    return this.#byPath.get(filePath);
  }
}

export function photoSizes(file: StoredFile): PhotoSize[] {
  return [
    {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      width: 800,
      height: 600,
      file_size: file.bytes.length,
    },
  ];
}
