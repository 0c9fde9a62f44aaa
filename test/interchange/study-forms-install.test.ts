import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FormRepository } from "../../src/db/form-repository.ts";
import { SettingRepository } from "../../src/db/setting-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { installStudyForms, STUDY_FORMS_DIR } from "../../src/interchange/study-forms.ts";
import { employmentForm, formWorkbook } from "../support/form-workbook.ts";

const NOW = new Date("2023-08-01T00:00:00Z");

function stores() {
  const db = openDatabase(":memory:");
  return { forms: new FormRepository(db), settings: new SettingRepository(db) };
}

describe("the study's form files among the installed forms", () => {
  it("installs each file once, and does not read a file whose bytes it has seen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "study-forms-"));
    copyFileSync(join(STUDY_FORMS_DIR, "education.xlsx"), join(dir, "education.xlsx"));
    const store = stores();
    await installStudyForms(store, NOW, dir);
    await installStudyForms(store, NOW, dir);
    expect(store.forms.list().map((form) => [form.formId, form.version])).toEqual([["education", "1"]]);

    const seen = Buffer.from("not a workbook, but its digest is stored");
    writeFileSync(join(dir, "seen.xlsx"), seen);
    store.settings.set("study-form:seen.xlsx", createHash("sha256").update(seen).digest("hex"));
    await expect(installStudyForms(store, NOW, dir)).resolves.toBeUndefined();
  });

  it("refuses a file changed under the same version, and takes it once the version is raised", async () => {
    const dir = mkdtempSync(join(tmpdir(), "study-forms-"));
    const store = stores();
    writeFileSync(join(dir, "employment.xlsx"), await formWorkbook(employmentForm("3")));
    await installStudyForms(store, NOW, dir);
    const { survey, choices } = employmentForm("3");
    const edited = { survey: survey.filter((row) => row[1] !== "comment"), choices };
    writeFileSync(join(dir, "employment.xlsx"), await formWorkbook(employmentForm("3", edited)));
    await expect(installStudyForms(store, NOW, dir)).rejects.toThrow(
      "employment.xlsx: version 3 of employment is installed with other content: raise the version in its settings sheet",
    );
    writeFileSync(join(dir, "employment.xlsx"), await formWorkbook(employmentForm("4", edited)));
    await installStudyForms(store, NOW, dir);
    expect(store.forms.latest("employment")?.version).toBe("4");
  });
});
