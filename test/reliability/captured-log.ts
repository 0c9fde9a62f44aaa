import pino, { type Level, type Logger } from "pino";

/** A pino logger writing into memory, so a test can search exactly what would reach the log. */
export function capturedLog(level: Level = "debug") {
  const lines: string[] = [];
  const logger: Logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return {
    logger,
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    errors: () => lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50),
  };
}
