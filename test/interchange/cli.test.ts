import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase, type SurveyDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { toCsv } from "../../src/report/csv.ts";
import { readWorkbook } from "../../src/report/xlsx.ts";
import { runCli } from "../cli/run-cli.ts";
import { questionnaires } from "../support/questionnaires.ts";
import { storeTelegramResponse } from "./varied-responses.ts";

const HEADER = ["respondent_id", "wave", "questionnaire", "anonymous", "region", "experience_years"];

let dir: string;
let databasePath: string;
/** Held open for the whole file, as the running bot holds it. */
let liveDb: SurveyDatabase;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(databasePath, ...args);
}

function counts(db: Database.Database) {
  const count = (table: string) =>
    (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { waves: count("waves"), responses: count("responses"), answers: count("answers") };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "exchange-cli-"));
  databasePath = join(dir, "data", "survey.db");
  liveDb = openDatabase(databasePath);
  const waves = new WaveRepository(liveDb);
  waves.ensureFirstWaves(questionnaires.keys(), new Date());
  storeTelegramResponse({ waves, responses: new ResponseRepository(liveDb) }, "education", 1, "someone", {
    anonymous: true,
    answers: {
      region: { kind: "choice", option: "shymkent" },
      experience_years: { kind: "integer", value: 5 },
    },
  });
});

afterAll(() => liveDb.$client.close());

describe("npm run cli", () => {
  it("imports a CSV file and prints the counts; a bad file prints its problems and exits 1", async () => {
    const good = join(dir, "paper.csv");
    writeFileSync(
      good,
      toCsv([
        HEADER,
        ["Ш-1", 1, "healthcare", "yes", "turkestan_region", 12],
        ["Ш-2", 1, "healthcare", "yes", "", ""],
      ]),
    );
    expect(await cli("import", good)).toMatchObject({
      code: 0,
      stdout: "Imported: 2. Already stored, skipped: 0.\n",
    });

    const bad = join(dir, "bad.csv");
    writeFileSync(bad, toCsv([HEADER, ["Ш-3", 1, "healthcare", "yes", "almaty", 61]]));
    const refused = await cli("import", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      [
        "Nothing was imported: the file has 2 problems. Correct them and send the file again.",
        "• Row 2, column “region”: unknown option id “almaty” for question “region”",
        "• Row 2, column “experience_years”: value 61 is out of range 0–60",
        "",
      ].join("\n"),
    );
    expect(counts(liveDb.$client).responses).toBe(3);
  });

  it("exports an xlsx workbook, and CSV as one file or a directory of files", async () => {
    const xlsx = join(dir, "out", "survey.xlsx");
    expect(await cli("export", "--format", "xlsx", "--out", xlsx, "--lang", "ru")).toMatchObject({ code: 0 });
    const sheets = await readWorkbook(readFileSync(xlsx));
    expect(sheets).toHaveLength(5);
    expect(sheets[0]?.rows).toHaveLength(2);

    const csvDir = join(dir, "csv");
    expect(await cli("export", "--format", "csv", "--out", csvDir)).toMatchObject({
      code: 0,
      stdout: `${join(csvDir, "education.csv")}\n${join(csvDir, "healthcare.csv")}\n`,
    });
    const healthcare = readFileSync(join(csvDir, "healthcare.csv"), "utf8");
    expect(healthcare.startsWith("\uFEFFrespondent_id,")).toBe(true);
    expect(healthcare).toContain("\r\nШ-1,1,healthcare,yes,");

    const single = join(dir, "education-only.csv");
    expect(
      await cli("export", "--format", "csv", "--questionnaire", "education", "--out", single),
    ).toMatchObject({
      code: 0,
    });
    expect(readFileSync(single, "utf8").split("\r\n")[1]).toMatch(/^tg-\d+,1,education,yes,,,,,shymkent,,5,/);
    expect(await cli("export", "--format", "pdf", "--out", single)).toMatchObject({ code: 1 });
  });

  it("exports SPSS syntax and its CSV per questionnaire, labelled in --lang, warning of every cut text", async () => {
    const spssDir = join(dir, "spss");
    const result = await cli("export", "--format", "spss", "--lang", "kk", "--out", spssDir);
    expect(result).toMatchObject({
      code: 0,
      stdout: ["education.sps", "education.csv", "healthcare.sps", "healthcare.csv"]
        .map((file) => `${join(spssDir, file)}\n`)
        .join(""),
      stderr: "Warning: variable label of access_relevance cut from 268 to 255 bytes to fit SPSS\n",
    });
    const syntax = readFileSync(join(spssDir, "education.sps"), "utf8");
    expect(syntax).toContain("  / region 'Қай өңірде жұмыс істейсіз?'");
    expect(readFileSync(join(spssDir, "education.csv"), "utf8").split("\r\n")[1]).toMatch(
      /^tg-\d+,1,1,1,,,,,1,,5,/,
    );
  });

  it("backs up the database while another connection holds it open, with the same counts", async () => {
    const backup = join(dir, "backups", "copy.db");
    expect(await cli("backup", backup)).toMatchObject({ code: 0, stdout: `Backup written to ${backup}\n` });
    const copy = new Database(backup, { readonly: true });
    expect(counts(copy)).toEqual(counts(liveDb.$client));
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(existsSync(`${backup}.partial`)).toBe(false);
    expect({ folder: statSync(dirname(backup)).mode & 0o777, file: statSync(backup).mode & 0o777 }).toEqual({
      folder: 0o700,
      file: 0o600,
    });
    expect(await cli("backup", databasePath)).toMatchObject({ code: 1 });
  });
});
