import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toCsv } from "../../src/report/csv.ts";
import { freshPostgresDatabase } from "../support/postgres-server.ts";
import { runCli } from "./run-cli.ts";

const database = await freshPostgresDatabase();
const dir = mkdtempSync(join(tmpdir(), "cli-postgres-"));

describe.skipIf(!database)("npm run cli on PostgreSQL (DATABASE_URL)", () => {
  const cli = (...args: string[]) => runCli(database!.url, ...args);

  afterAll(() => database?.drop());

  it("imports paper responses, summarises and exports them, lists the forms and backs up with pg_dump", async () => {
    const paper = join(dir, "paper.csv");
    writeFileSync(
      paper,
      toCsv([
        ["respondent_id", "wave", "questionnaire", "anonymous", "region"],
        ["P-1", 1, "healthcare", "yes", "turkestan_region"],
        ["P-2", 1, "healthcare", "no", "shymkent"],
        ["P-3", 1, "healthcare", "yes", "turkestan_region"],
      ]),
    );
    const imported = await cli("import", paper);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect((await cli("import", paper)).stdout).toMatch(/\b3\b/);

    const summary = await cli("summary", "healthcare", "--json");
    expect(summary.code).toBe(0);
    const regions = JSON.parse(summary.stdout).questions.find(
      (question: { id: string }) => question.id === "region",
    );
    expect(JSON.stringify(regions)).toContain('"count":2');

    const out = join(dir, "healthcare.csv");
    expect((await cli("export", "--format", "csv", "--questionnaire", "healthcare", "--out", out)).code).toBe(
      0,
    );
    expect(statSync(out).size).toBeGreaterThan(0);

    const forms = await cli("questionnaire", "list");
    expect(forms.stdout).toContain("education");
    expect(forms.stdout).toContain("healthcare");

    const backup = join(dir, "backup.dump");
    const backedUp = await cli("backup", backup);
    expect(backedUp.stderr).toBe("");
    expect(existsSync(backup) && statSync(backup).size).toBeGreaterThan(0);
  });
});
