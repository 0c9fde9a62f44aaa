export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Map<string, UploadedFile>;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/**
 * Parses multipart/form-data from a complete body. Written by hand because grammY emits
 * `content-disposition:form-data;name="x";filename=a b.pdf` (no spaces, unquoted filename),
 * which stricter parsers reject.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) throw new Error("multipart body without boundary");
  const delimiter = Buffer.from(`--${token}`);
  const nextDelimiter = Buffer.from(`\r\n--${token}`);
  const result: MultipartBody = { fields: {}, files: new Map() };

  let position = body.indexOf(delimiter);
  if (position < 0) throw new Error("multipart boundary not found");
  position += delimiter.length;
  for (;;) {
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    if (body.subarray(position, position + 2).equals(CRLF)) position += 2;
    const headerEnd = body.indexOf(HEADER_END, position);
    if (headerEnd < 0) throw new Error("unterminated multipart headers");
    const headers = parseHeaders(body.subarray(position, headerEnd).toString("utf8"));
    const contentStart = headerEnd + HEADER_END.length;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd < 0) throw new Error("unterminated multipart part");
    addPart(result, headers, body.subarray(contentStart, contentEnd));
    position = contentEnd + nextDelimiter.length;
  }
  return result;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function addPart(result: MultipartBody, headers: Map<string, string>, content: Buffer): void {
  const disposition = headers.get("content-disposition") ?? "";
  const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;]*))/i.exec(disposition);
  const fieldName = name?.[1] ?? name?.[2]?.trim();
  if (fieldName === undefined) return;
  const filename = filenameOf(disposition);
  if (filename === undefined) {
    result.fields[fieldName] = content.toString("utf8");
    return;
  }
  result.files.set(fieldName, {
    filename,
    contentType: headers.get("content-type") ?? "application/octet-stream",
    bytes: Buffer.from(content),
  });
}

function filenameOf(disposition: string): string | undefined {
  const extended = /(?:^|;)\s*filename\*=(?:UTF-8|utf-8)''([^;]*)/.exec(disposition);
  if (extended?.[1] !== undefined) return decodeURIComponent(extended[1]);
  const quoted = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition);
  if (quoted?.[1] !== undefined) return quoted[1];
  // An unquoted filename may contain spaces or semicolons; grammY always puts it last.
  const bare = /(?:^|;)\s*filename=(.*)$/i.exec(disposition);
  return bare?.[1]?.trim();
}
