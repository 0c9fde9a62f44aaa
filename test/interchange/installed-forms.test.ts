import { describe, expect, it } from "vitest";
import { openStore } from "../../src/db/survey-store.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { loadInstalledForms } from "../../src/interchange/installed-forms.ts";
import { employmentForm } from "../support/form-workbook.ts";

const NOW = new Date("2023-09-01T00:00:00Z");
const conversion = { otherLabel: Translations.load().inEveryLanguage("other_option") };

describe("the installed forms a start loads", () => {
  it("takes the version the open wave runs, else the one installed last, and names a stored form it cannot read", async () => {
    const stores = await openStore({ path: ":memory:" });
    const install = async (formId: string, version: string, sheets = employmentForm(version)) =>
      await stores.forms.install({ formId, version, sheets }, NOW);
    await install("employment", "3");
    await stores.waves.ensureFirstWaves(["employment"], NOW);
    await install("employment", "4");
    await install("broken", "1", { survey: [["type"], ["geopoint"]], choices: [], settings: [] });

    const open = () => loadInstalledForms(stores, conversion);
    expect((await open()).questionnaires.get("employment")?.version).toBe("3");
    expect((await open()).unreadable).toEqual(["broken version 1"]);
    await stores.waves.close("employment", NOW);
    expect((await open()).questionnaires.get("employment")?.version).toBe("4");
  });
});
