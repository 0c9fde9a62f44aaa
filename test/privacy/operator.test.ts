import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../src/db/sqlite/backup-sqlite.ts";
import { receiptIn } from "../support/receipts.ts";
import { answerOn, type Expert, onboard, t } from "../support/study-bot.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

/**
 * The operator's view: every database file (copied while the bot runs), a CLI backup, the pseudonym key and
 * the panel's accounts. Experts act on a clock of their own, far from the real one, so that any time the
 * bot stores can be told apart; presses come 1.5 s apart, at a person's pace.
 */
const DAY = Date.UTC(2025, 2, 14);
const HOUR = 3_600_000;
let clock = DAY + 9 * HOUR;
const now = () => new Date(clock);

const accounts = {
  namedThenAnonymous: {
    id: 612_345_001,
    first_name: "Aigerim",
    last_name: "Temirbekova",
    username: "aigerim_wave1",
  },
  switched: { id: 612_345_002, first_name: "Bakytgul", last_name: "Nurlanovna", username: "bakyt_switch" },
  panel: { id: 612_345_003, first_name: "Dinara", last_name: "Sultanbekova", username: "dinara_panel" },
  deleted: { id: 612_345_004, first_name: "Erlan", last_name: "Zhaksylykov", username: "erlan_deleted" },
  anonymousDeleted: {
    id: 612_345_005,
    first_name: "Gaukhar",
    last_name: "Kassymova",
    username: "gaukhar_anon",
  },
};
type Account = (typeof accounts)[keyof typeof accounts];
/** A name typed as an answer while the expert was still answering with their name. */
const TYPED_NAME = "Bakytgul Nurlanovna Typed";

const anonymousSubmits: number[] = [];
let testBot: TestBot;
let files: { dir: string; copies: string; backup: string };

function userOf(account: Account): Expert {
  const user = expert(testBot, { ...account, language_code: "en" });
  const paced = async <T>(act: () => Promise<T>) => {
    clock += 1500;
    return act();
  };
  return {
    ...user,
    send: (text) => paced(() => user.send(text)),
    press: (label) => paced(() => user.press(label)),
  };
}

async function submit(user: Expert, anonymous: boolean): Promise<string> {
  await user.press(t("buttons.submit"));
  if (anonymous) anonymousSubmits.push(clock);
  return receiptIn(user.last().text)!;
}

async function answerAndSubmit(account: Account, anonymous: boolean, onboarded = false): Promise<string> {
  const user = userOf(account);
  if (!onboarded) await onboard(user, "education", anonymous);
  await answerOn(testBot, user, account.id, "education", anonymous);
  return submit(user, anonymous);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "operator-"));
  testBot = createTestBot({ databasePath: join(dir, "survey.db"), now });
  await answerAndSubmit(accounts.namedThenAnonymous, false);
  await answerAndSubmit(accounts.deleted, false);

  clock = DAY + 14 * HOUR + 23 * 60_000 + 17_000;
  const switched = userOf(accounts.switched);
  await onboard(switched, "education", false);
  await switched.send(TYPED_NAME);
  await switched.press(t("buttons.back"));
  await switched.press(t("buttons.back"));
  await switched.press(t("anonymity.anonymous"));
  await answerAndSubmit(accounts.switched, true, true);
  await answerAndSubmit(accounts.panel, true);
  await answerAndSubmit(accounts.anonymousDeleted, true);

  clock = DAY + 16 * HOUR + 41 * 60_000;
  for (const account of [accounts.deleted, accounts.anonymousDeleted]) {
    const user = userOf(account);
    await user.send("/delete_my_data");
    await user.press(t("bot:delete.yes"));
  }

  clock = DAY + 2 * 24 * HOUR + 11 * HOUR + 7 * 60_000 + 29_000;
  testBot.services.waves.openNext("education", now());
  clock += 10 * 60_000;
  for (const account of [accounts.namedThenAnonymous, accounts.panel]) {
    const user = userOf(account);
    await user.send("/start");
    await user.press("Education");
    await user.press(t("anonymity.anonymous"));
    await answerAndSubmit(account, true, true);
  }

  const copies = join(dir, "copies");
  mkdirSync(copies);
  for (const file of readdirSync(dir).filter((name) => name.startsWith("survey.db")))
    copyFileSync(join(dir, file), join(copies, file));
  const backup = join(dir, "backup.db");
  await backupDatabase(testBot.db.$client, backup);
  files = { dir, copies, backup };
});

function allBytes(): Buffer {
  const paths = [
    ...readdirSync(files.copies).map((name) => join(files.copies, name)),
    ...readdirSync(files.dir)
      .filter((name) => name.startsWith("survey.db"))
      .map((name) => join(files.dir, name)),
    files.backup,
  ];
  return Buffer.concat(paths.filter(existsSync).map((path) => readFileSync(path)));
}

/** Every value of every table of a database file, with where it is. */
function everyValue(path: string): { table: string; row: Record<string, unknown> }[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    return tables.flatMap((table) =>
      (db.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]).map((row) => ({
        table,
        row,
      })),
    );
  } finally {
    db.close();
  }
}

const anonymousAccounts = [accounts.switched, accounts.panel, accounts.anonymousDeleted, accounts.deleted];

describe("the operator, with the database files, a backup, the key and the panel's accounts", () => {
  it("finds no Telegram id, username or name of an anonymous or erased expert in any byte", () => {
    const bytes = allBytes();
    expect(bytes.length).toBeGreaterThan(20_000);
    for (const account of anonymousAccounts) {
      const id = Buffer.alloc(4);
      id.writeInt32BE(account.id);
      for (const trace of [String(account.id), account.username, account.first_name, account.last_name])
        expect(bytes.includes(Buffer.from(trace)), `${trace}`).toBe(false);
      expect(bytes.includes(id), `${account.id} as a 32-bit integer`).toBe(false);
    }
    expect(bytes.includes(Buffer.from(TYPED_NAME))).toBe(false);
  });

  it("the control: a named expert's account is found by the same search", () => {
    const bytes = allBytes();
    expect(bytes.includes(Buffer.from(accounts.namedThenAnonymous.username))).toBe(true);
  });

  it("finds no number within a minute of an anonymous Submit in any table, main file or backup", () => {
    expect(anonymousSubmits).toHaveLength(5);
    for (const path of [join(files.copies, "survey.db"), files.backup]) {
      const near: string[] = [];
      for (const { table, row } of everyValue(path)) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== "number") continue;
          for (const submitted of anonymousSubmits) {
            if (Math.abs(value - submitted) < 60_000 || Math.abs(value - submitted / 1000) < 60)
              near.push(`${table}.${column} = ${value}`);
          }
        }
      }
      expect(near).toEqual([]);
    }
  });

  it("computes every pseudonym and marker of every account with the key, and none leads to a submitted anonymous response", () => {
    const { pseudonyms, waves } = testBot.services;
    const rows = everyValue(join(files.copies, "survey.db"));
    const sealed = rows.filter(
      ({ table, row }) => table === "responses" && row.anonymous === 1 && row.submitted_at !== null,
    );
    expect(sealed).toHaveLength(5);
    const sealedValues = new Set(
      sealed.flatMap(({ row }) => [row.id, row.respondent_key, row.receipt_hash].map(String)),
    );
    const computable = Object.values(accounts).flatMap((account) => {
      const anonymousKey = pseudonyms.anonymousRespondent(account.id, "education");
      return [
        pseudonyms.participant(account.id),
        anonymousKey,
        ...waves.list("education").map((wave) => pseudonyms.submissionMarker(anonymousKey, wave.id)),
      ];
    });
    for (const { table, row } of rows) {
      const values = Object.values(row).map(String);
      if (!values.some((value) => computable.includes(value))) continue;
      const leads = values.filter((value) => sealedValues.has(value));
      expect(leads, `${table} ${JSON.stringify(row)}`).toEqual([]);
    }
  });

  it("cannot link one expert's anonymous responses of two waves: they share no key, id or receipt", () => {
    const sealed = everyValue(join(files.copies, "survey.db")).filter(
      ({ table, row }) => table === "responses" && row.anonymous === 1 && row.submitted_at !== null,
    );
    const keys = sealed.map(({ row }) => row.respondent_key);
    expect(new Set(keys).size).toBe(sealed.length);
    expect(new Set(sealed.map(({ row }) => row.receipt_hash)).size).toBe(sealed.length);
  });

  it("the write-ahead log is empty right after a Submit seals a draft: no page shows draft and response together", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sealed-wal-"));
    const fresh = createTestBot({ databasePath: join(dir, "survey.db") });
    const user = expert(fresh, { id: 99, language_code: "en" });
    await onboard(user, "education", true);
    await answerOn(fresh, user, 99, "education", true);
    const draft = fresh.services.responses.find(
      fresh.services.waves.openWave("education")!.id,
      fresh.services.pseudonyms.anonymousRespondent(99, "education"),
    )!;
    expect(readFileSync(join(dir, "survey.db-wal")).length).toBeGreaterThan(0);
    fresh.services.responses.seal(draft.id, { receiptHash: "h", marker: "m", day: new Date(DAY) });
    expect(readFileSync(join(dir, "survey.db-wal")).length).toBe(0);
  });
});
