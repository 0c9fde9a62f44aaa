import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./api-error.ts";
import { parseMultipart } from "./multipart.ts";
import { Params } from "./params.ts";

const MAX_BODY_BYTES = 60 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, "Request Entity Too Large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(new Error("client went away before sending the whole body"));
    });
  });
}

export function parseParams(contentType: string | undefined, body: Buffer, query: URLSearchParams): Params {
  const values: Record<string, unknown> = Object.fromEntries(query);
  const type = (contentType ?? "").toLowerCase();
  if (body.length === 0) return new Params(values);
  try {
    if (type.startsWith("multipart/form-data")) {
      const { fields, files } = parseMultipart(body, contentType ?? "");
      return new Params({ ...values, ...fields }, files);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return new Params({ ...values, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) });
    }
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new Error("not an object");
    }
    return new Params({ ...values, ...(parsed as Record<string, unknown>) });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, "Bad Request: can't parse request body");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.errorCode, error.toJSON());
}
