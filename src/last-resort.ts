import { errorLine } from "./token-redaction.ts";

/**
 * Ends the process on an error nothing else handled: one line on stderr without the token, and exit code 1.
 * Node's own report would print the stack and every property of the error, a failed request's URL included.
 *
 * @example
 * endOnUnhandledErrors(configuredBotToken());
 */
export function endOnUnhandledErrors(token: string | undefined): void {
  const end = (error: unknown) => exitWithLine(errorLine(error, token));
  process.on("uncaughtException", end);
  process.on("unhandledRejection", end);
}

/** Writes one line to stderr and exits with code 1. */
export function exitWithLine(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
