import { describe, expect, it } from "vitest";
import { FormRepository } from "../../src/db/form-repository.ts";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
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
  const db = openDatabase(":memory:");
  return {
    forms: new FormRepository(db),
    waves: new WaveRepository(db),
    responses: new ResponseRepository(db),
  };
}

describe("installed forms and their versions", () => {
  it("stores a version once, knows it again, and refuses other sheets under the same id and version", () => {
    const { forms } = stores();
    expect(forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY)).toBe("new");
    expect(forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY)).toBe("installed");
    expect(forms.install({ formId: "education", version: "3", sheets: EDITED }, DAY)).toBe("version_taken");
    expect(forms.find("education", "3")).toEqual({
      formId: "education",
      version: "3",
      sheets: SHEETS,
      installedAt: DAY,
    });
  });

  it("lists every version form by form, the latest installed first, whatever the version strings say", () => {
    const { forms } = stores();
    for (const [formId, version] of [
      ["education", "9"],
      ["employment", "1"],
      ["education", "10"],
    ] as const) {
      forms.install({ formId, version, sheets: SHEETS }, DAY);
    }
    expect(forms.list().map((form) => `${form.formId} ${form.version}`)).toEqual([
      "education 10",
      "education 9",
      "employment 1",
    ]);
    expect(forms.latest("education")?.version).toBe("10");
    expect(forms.latest("healthcare")).toBeUndefined();
  });

  it("gives a pending upload back once, under its token, until it expires", () => {
    const { forms } = stores();
    const token = forms.putPending(SHEETS, DAY, 1000);
    const other = forms.putPending(EDITED, DAY, 1000);
    expect(token).not.toBe(other);
    expect(forms.takePending(token, new Date(DAY.getTime() + 999))).toEqual(SHEETS);
    expect(forms.takePending(token, new Date(DAY.getTime() + 999))).toBeUndefined();
    expect(forms.takePending(other, new Date(DAY.getTime() + 1000))).toBeUndefined();
  });
});

describe("the form version of waves and responses", () => {
  it("opens a wave on the version installed last and keeps it there until told otherwise", () => {
    const { forms, waves } = stores();
    waves.ensureFirstWaves(["healthcare"], DAY);
    expect(waves.openWave("healthcare")?.formVersion).toBeNull();
    forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY);
    waves.ensureFirstWaves(["education"], DAY);
    forms.install({ formId: "education", version: "4", sheets: EDITED }, DAY);
    const first = waves.openWave("education")!;
    expect(first.formVersion).toBe("3");
    waves.runFormVersion(first.id, "4");
    expect(waves.openWave("education")?.formVersion).toBe("4");
    forms.install({ formId: "education", version: "5", sheets: SHEETS }, DAY);
    expect(waves.openNext("education", DAY).formVersion).toBe("5");
  });

  it("records on every response the version its wave runs when it begins and when it is submitted or sealed", () => {
    const store = stores();
    const { forms, waves, responses } = store;
    forms.install({ formId: "education", version: "3", sheets: SHEETS }, DAY);
    waves.ensureFirstWaves(["education"], DAY);
    const named = storeCompletedResponse(store, "named", false);
    const anonymous = storeCompletedResponse(store, "anonymous", true);
    expect(responses.byId(named.id)?.formVersion).toBe("3");

    const wave = waves.openWave("education")!;
    waves.runFormVersion(wave.id, "4");
    expect(responses.submit(named.id, "receipt-named", DAY).formVersion).toBe("4");
    responses.seal(anonymous.id, { receiptHash: "receipt-anonymous", marker: "marker", day: DAY });
    expect(responses.findByReceipt("receipt-anonymous")?.formVersion).toBe("4");
    const paper = responses.insertSubmitted(
      {
        waveId: wave.id,
        questionnaire: "education",
        respondentKey: "paper:P-1",
        anonymous: true,
        source: "paper",
        answers: completedState(questionnaire("education"), true).answers,
      },
      DAY,
    );
    expect(paper.formVersion).toBe("4");
  });
});
