import type { SettingRepository } from "../db/setting-repository.ts";
import type { Pseudonyms } from "./pseudonyms.ts";

const KEY_CHECK = "pseudonym_key_check";

/** The pseudonym key is not the one the database was created with. */
export class KeyMismatchError extends Error {
  constructor() {
    super(
      "the pseudonym key (PSEUDONYM_KEY or PSEUDONYM_KEY_FILE) is not the one this database was created with: " +
        "with another key no expert would find their answers again; restore the original key",
    );
    this.name = "KeyMismatchError";
  }
}

/**
 * Ties the key to the database: the first start stores a keyed check value, later starts refuse a key that
 * does not give the same value, instead of silently losing every expert's position and drafts.
 */
export async function bindPseudonymKey(settings: SettingRepository, pseudonyms: Pseudonyms): Promise<void> {
  const check = pseudonyms.keyCheck();
  if ((await settings.getOrSet(KEY_CHECK, check)) !== check) throw new KeyMismatchError();
}
