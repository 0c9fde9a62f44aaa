import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const MIN_KEY_LENGTH = 32;

/**
 * Keyed pseudonyms of Telegram accounts. The key lives outside the database, so the database alone
 * cannot be joined back to an account. A submitted anonymous response carries none of them.
 */
export class Pseudonyms {
  constructor(private readonly key: string) {}

  /** Key of the participant's chat position. */
  participant(telegramId: number): string {
    return this.hash(`participant:${telegramId}`);
  }

  /**
   * Key of an anonymous draft, so the expert can resume it: differs from the participant key and per
   * questionnaire. It is dropped at Submit, when the answers move under a random key.
   */
  anonymousRespondent(telegramId: number, questionnaire: string): string {
    return this.hash(`anonymous:${questionnaire}:${telegramId}`);
  }

  /**
   * "This account submitted this questionnaire in this wave", without saying which response is theirs; built
   * on the anonymous draft key (`anonymousRespondent`), so the markers of one account differ between waves.
   */
  submissionMarker(anonymousKey: string, waveId: number): string {
    return this.hash(`submitted:${waveId}:${anonymousKey}`);
  }

  /** A value stored with the database, so that starting with another key is refused instead of orphaning everyone. */
  keyCheck(): string {
    return this.hash("key-check");
  }

  private hash(value: string): string {
    return createHmac("sha256", this.key).update(value).digest("base64url").slice(0, 32);
  }
}

/** A key file that must not be used, with why. */
export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyFileError";
  }
}

/**
 * Reads the pseudonym key file, creating it with mode 0600 on first start. A file others may read, or one
 * too short to be a key, is refused: the key is what keeps named and anonymous answers apart from accounts.
 */
export function loadOrCreateKey(path: string): string {
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new KeyFileError(
        `${path} can be read by other users (mode ${mode.toString(8)}): run chmod 600 ${path}`,
      );
    }
    const key = readFileSync(path, "utf8").trim();
    if (key.length < MIN_KEY_LENGTH) {
      throw new KeyFileError(`${path} holds no usable key (fewer than ${MIN_KEY_LENGTH} characters)`);
    }
    return key;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString("base64url");
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return key;
}
