import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Keyed pseudonyms of Telegram accounts. The key lives outside the database, so the database alone
 * cannot be joined back to an account.
 */
export class Pseudonyms {
  constructor(private readonly key: string) {}

  /** Key of the participant's chat position. */
  participant(telegramId: number): string {
    return this.hash(`participant:${telegramId}`);
  }

  /** Respondent key of an anonymous response: differs from the participant key and per questionnaire. */
  anonymousRespondent(telegramId: number, questionnaire: string): string {
    return this.hash(`anonymous:${questionnaire}:${telegramId}`);
  }

  private hash(value: string): string {
    return createHmac("sha256", this.key).update(value).digest("base64url").slice(0, 32);
  }
}

/** Reads the pseudonym key file, creating it with mode 0600 on first start. */
export function loadOrCreateKey(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return key;
}
