import { badRequest } from "./api-error.ts";
import type { UploadedFile } from "./multipart.ts";

/**
 * Method parameters from JSON, multipart or urlencoded bodies. Accessors coerce the
 * string-typed values of form bodies the way the Bot API does.
 */
export class Params {
  constructor(
    readonly values: Record<string, unknown>,
    readonly files: ReadonlyMap<string, UploadedFile> = new Map(),
  ) {}

  has(name: string): boolean {
    const value = this.values[name];
    return value !== undefined && value !== null && value !== "";
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  integer(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "string" ? Number(value) : value;
    if (typeof number !== "number" || !Number.isInteger(number)) {
      throw badRequest(`field "${name}" must be of type Integer`);
    }
    return number;
  }

  boolean(name: string): boolean {
    const value = this.values[name];
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** Objects arrive as objects in JSON bodies and as JSON text in form bodies. */
  json(name: string): unknown {
    const value = this.values[name];
    if (typeof value !== "string") return value ?? undefined;
    if (value === "") return undefined;
    try {
      return JSON.parse(value);
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }

  /** An uploaded file (direct field or `attach://` reference) or a file_id / URL string. */
  file(name: string): UploadedFile | string | undefined {
    return this.resolveMedia(this.values[name], name);
  }

  resolveMedia(value: unknown, fieldName?: string): UploadedFile | string | undefined {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const file = this.files.get(value.slice("attach://".length));
      if (!file) throw badRequest(`wrong file identifier/HTTP URL specified`);
      return file;
    }
    if (fieldName !== undefined && (value === undefined || value === "")) return this.files.get(fieldName);
    return typeof value === "string" ? value : undefined;
  }

  /** Shallow copy for the call log; uploads are summarised instead of copied. */
  forLog(): Record<string, unknown> {
    if (this.files.size === 0) return this.values;
    const copy: Record<string, unknown> = { ...this.values };
    for (const [name, file] of this.files) copy[name] = { filename: file.filename, size: file.bytes.length };
    return copy;
  }
}
