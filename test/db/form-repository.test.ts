import { describe, expect, it } from "vitest";
import { openStore } from "../../src/db/survey-store.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { completedState } from "../support/scripted-answers.ts";
import { storeCompletedResponse } from "../support/stored-responses.ts";

const SHEETS = {
  survey: [
    ["type", "name"],
    ["integer", "age"],
  ],
  settings: [
    ["form_id", "version"],
    ["education", "3"],
  ],
};
const EDITED = {
  ...SHEETS,
  survey: [
    ["type", "name"],
    ["decimal", "age"],
  ],
};
const DAY = new Date("2026-11-29T10:00:00Z");

function stores() {
  return openStore({ path: ":memory:" });
}

describe("installed forms and their versions", () => {
  it("stores a version once, knows it again, and refuses other sheets under the same id and version", async () => {
    const { forms } = await stores();
    expect(await forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY)).toBe("new");
    expect(await forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY)).toBe("installed");
    expect(await forms.install({ formId: "education", version: "3", sheets: EDITED }, DAY)).toBe(
      "version_taken",
    );
    expect(await forms.find("education", "3")).toEqual({
      formId: "education",
      version: "3",
      sheets: SHEETS,
      installedAt: DAY,
    });
  });

  it("lists every version form by form, the latest installed first, whatever the version strings say", async () => {
    const { forms } = await stores();
    for (const [formId, version] of [
      ["education", "9"],
      ["employment", "1"],
      ["education", "10"],
    ] as const) {
      await forms.install({ formId, version, sheets: SHEETS }, DAY);
    }
    expect((await forms.list()).map((form) => `${form.formId} ${form.version}`)).toEqual([
      "education 10",
      "education 9",
      "employment 1",
    ]);
    expect((await forms.latest("education"))?.version).toBe("10");
    expect(await forms.latest("healthcare")).toBeUndefined();
  });

  it("gives a pending upload back once, under its token, until it expires", async () => {
    const { forms } = await stores();
    const token = await forms.putPending(SHEETS, DAY, 1000);
    const other = await forms.putPending(EDITED, DAY, 1000);
    expect(token).not.toBe(other);
    expect(await forms.takePending(token, new Date(DAY.getTime() + 999))).toEqual(SHEETS);
    expect(await forms.takePending(token, new Date(DAY.getTime() + 999))).toBeUndefined();
    expect(await forms.takePending(other, new Date(DAY.getTime() + 1000))).toBeUndefined();
  });
});

describe("the form version of waves and responses", () => {
  it("opens a wave on the version installed last and keeps it there until told otherwise", async () => {
    const { forms, waves } = await stores();
    await waves.ensureFirstWaves(["healthcare"], DAY);
    expect((await waves.openWave("healthcare"))?.formVersion).toBeNull();
    await forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY);
    await waves.ensureFirstWaves(["education"], DAY);
    await forms.install({ formId: "education", version: "4", sheets: EDITED }, DAY);
    const first = (await waves.openWave("education"))!;
    expect(first.formVersion).toBe("3");
    await waves.runFormVersion(first.id, "4");
    expect((await waves.openWave("education"))?.formVersion).toBe("4");
    await forms.install({ formId: "education", version: "5", sheets: SHEETS }, DAY);
    expect((await waves.openNext("education", DAY)).formVersion).toBe("5");
  });

  it("records on every response the version its wave runs when it begins and when it is submitted or sealed", async () => {
    const store = await stores();
    const { forms, waves, drafts, submissions, results } = store;
    await forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY);
    await waves.ensureFirstWaves(["education"], DAY);
    const named = await storeCompletedResponse(store, "named", false);
    const anonymous = await storeCompletedResponse(store, "anonymous", true);
    expect((await drafts.byId(named.id))?.formVersion).toBe("3");

    const wave = (await waves.openWave("education"))!;
    await waves.runFormVersion(wave.id, "4");
    expect((await submissions.submit(named.id, "receipt-named", DAY)).formVersion).toBe("4");
    await submissions.seal(anonymous.id, { receiptHash: "receipt-anonymous", marker: "marker", day: DAY });
    expect((await submissions.findByReceipt("receipt-anonymous"))?.formVersion).toBe("4");
    const stored = await results.insertSubmitted(
      [
        {
          waveId: wave.id,
          questionnaire: "education",
          respondentKey: "paper:P-1",
          anonymous: true,
          source: "paper",
          answers: completedState(questionnaire("education"), true).answers,
        },
      ],
      DAY,
    );
    const [paper] = stored ?? [];
    expect(paper?.formVersion).toBe("4");
  });
});
