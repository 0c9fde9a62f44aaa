import { chmodSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SettingRepository } from "../../src/db/setting-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { bindPseudonymKey, KeyMismatchError } from "../../src/privacy/key-binding.ts";
import { KeyFileError, loadOrCreateKey, Pseudonyms } from "../../src/privacy/pseudonyms.ts";

const KEY = "a-key-of-thirty-two-characters-at-least";

describe("the pseudonym key and its database", () => {
  it("is stored as a check value on first start and accepted again; another key is refused", () => {
    const settings = new SettingRepository(openDatabase(":memory:"));
    bindPseudonymKey(settings, new Pseudonyms(KEY));
    expect(() => bindPseudonymKey(settings, new Pseudonyms(KEY))).not.toThrow();
    expect(() => bindPseudonymKey(settings, new Pseudonyms(`${KEY}-other`))).toThrow(KeyMismatchError);
    expect(settings.get("pseudonym_key_check")).not.toContain(KEY);
  });
});

describe("the key file", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "key-"));

  it("is created 0600 with a key of 32 random bytes, and read back the same", () => {
    const path = join(dir(), "keys", "pseudonym.key");
    const key = loadOrCreateKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(key.length).toBeGreaterThanOrEqual(43);
    expect(loadOrCreateKey(path)).toBe(key);
  });

  it("is refused when others may read it", () => {
    const path = join(dir(), "pseudonym.key");
    writeFileSync(path, `${KEY}\n`, { mode: 0o600 });
    chmodSync(path, 0o644);
    expect(() => loadOrCreateKey(path)).toThrow(/can be read by other users.*chmod 600/);
  });

  it.each(["", "short-key\n"])("is refused when it holds no usable key (%j)", (content) => {
    const path = join(dir(), "pseudonym.key");
    writeFileSync(path, content, { mode: 0o600 });
    expect(() => loadOrCreateKey(path)).toThrow(KeyFileError);
  });
});
