import { describe, expect, it } from "vitest";
import { FormRepository } from "../../src/db/form-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { loadInstalledForms } from "../../src/interchange/installed-forms.ts";
import { employmentForm } from "../support/form-workbook.ts";

const NOW = new Date("2023-09-01T00:00:00Z");
const conversion = { otherLabel: Translations.load().inEveryLanguage("other_option") };

describe("the installed forms a start loads", () => {
  it("takes the version the open wave runs, else the one installed last, and names a stored form it cannot read", () => {
    const db = openDatabase(":memory:");
    const stores = { forms: new FormRepository(db), waves: new WaveRepository(db) };
    const install = (formId: string, version: string, sheets = employmentForm(version)) =>
      stores.forms.install({ formId, version, sheets }, NOW);
    install("employment", "3");
    stores.waves.ensureFirstWaves(["employment"], NOW);
    install("employment", "4");
    install("broken", "1", { survey: [["type"], ["geopoint"]], choices: [], settings: [] });

    const open = () => loadInstalledForms(stores, conversion);
    expect(open().questionnaires.get("employment")?.version).toBe("3");
    expect(open().unreadable).toEqual(["broken version 1"]);
    stores.waves.close("employment", NOW);
    expect(open().questionnaires.get("employment")?.version).toBe("4");
  });
});
