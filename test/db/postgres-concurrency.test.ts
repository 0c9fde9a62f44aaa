import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type SurveyStore } from "../../src/db/survey-store.ts";
import type { Wave } from "../../src/db/wave-repository.ts";
import { importResponses } from "../../src/interchange/import-responses.ts";
import { paperCsv } from "../interchange/two-wave-study.ts";
import { meetingAtInsert } from "../support/meeting-at-insert.ts";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-server.ts";
import { questionnaires } from "../support/questionnaires.ts";

const database = await freshPostgresDatabase();

/**
 * Two instances of the bot on one PostgreSQL database, as two stores with pools of their own: what must hold
 * across instances holds when both act at the same moment.
 */
describe.skipIf(!database)("two instances on one PostgreSQL database", () => {
  let instances: SurveyStore[];
  let wave: Wave;

  beforeAll(async () => {
    const { url } = database as PostgresDatabase;
    instances = await Promise.all([openStore({ url, path: "" }), openStore({ url, path: "" })]);
    await instances[0]!.waves.ensureFirstWaves(["education"], new Date());
    wave = (await instances[0]!.waves.openWave("education"))!;
  });

  afterAll(async () => {
    await Promise.all(instances.map((store) => store.close()));
    await database?.drop();
  });

  const both = <T>(act: (store: SurveyStore) => Promise<T>) => Promise.all(instances.map(act));

  async function answeredDraft(respondentKey: string) {
    const [store] = instances;
    const state = { anonymous: true, answers: {}, current: null, reviewing: true, pending: null };
    const draft = await store!.drafts.create(
      { waveId: wave.id, questionnaire: "education", respondentKey, anonymous: true, source: "telegram" },
      state,
      new Date(),
    );
    const value = { kind: "choice" as const, option: "shymkent" };
    await store!.drafts.recordStep(
      draft.id,
      { saved: { questionId: "region", value }, removed: [], state },
      new Date(),
    );
    return draft;
  }

  it("seal one draft once when both submit it at once: one response, one count", async () => {
    for (let round = 0; round < 10; round++) {
      const draft = await answeredDraft(`anonymous-${round}`);
      const sealed = await both((store) =>
        store.submissions.seal(draft.id, {
          receiptHash: `r-${round}-${Math.random()}`,
          marker: `m-${round}`,
          day: new Date(),
        }),
      );
      expect(sealed.filter(Boolean)).toHaveLength(1);
    }
    expect(await instances[0]!.results.countSubmitted(wave.id)).toBe(10);
    const [tally] = await instances[1]!.tallies.tallies("education");
    expect(tally?.answers.get("region")).toEqual([
      { value: { kind: "choice", option: "shymkent" }, count: 10 },
    ]);
  });

  it("claim an invitation once", async () => {
    const [store] = instances;
    await store!.experts.enrol("expert-1", { telegramId: 1, language: "en" }, new Date());
    for (let round = 0; round < 10; round++) {
      const runStartedAt = new Date(Date.now() - 1000);
      const claims = await both((other) =>
        other.invitations.claim(wave.id, "expert-1", new Date(), runStartedAt),
      );
      expect(claims.filter(Boolean)).toHaveLength(round === 0 ? 1 : 0);
    }
  });

  it("mark a reminder once", async () => {
    const draft = await answeredDraft("named-reminded");
    const marks = await both((store) => store.reminders.markReminded(draft.id, new Date()));
    expect(marks.filter(Boolean)).toHaveLength(1);
  });

  it("give a lease to one of them", async () => {
    const now = new Date();
    const leases = await Promise.all(
      instances.map((store, index) =>
        store.leases.acquire("reminders-test", `instance-${index}`, now, 60_000),
      ),
    );
    expect(leases.filter(Boolean)).toHaveLength(1);
  });

  it("store a paper file both import at once once: the later finds its rows already stored", async () => {
    await instances[0]!.waves.ensureFirstWaves(["healthcare"], new Date());
    const file = paperCsv([
      { id: "P-1", wave: 1, answers: { attitude: { kind: "choice", option: "respectful" } } },
      { id: "P-2", wave: 1, answers: { attitude: { kind: "choice", option: "mistrust" } } },
    ]);
    const racing = meetingAtInsert(instances.map((store) => ({ ...store, questionnaires })));
    const imports = await Promise.all(racing.map((store) => importResponses(store, file, new Date())));
    expect(imports).toEqual(
      expect.arrayContaining([
        { ok: true, imported: 2, alreadyPresent: 0 },
        { ok: true, imported: 0, alreadyPresent: 2 },
      ]),
    );
    expect((await instances[1]!.results.submitted("healthcare")).length).toBe(2);
  });

  it("handle one person's updates one at a time, and different people's side by side", async () => {
    const spans: Record<string, [number, number][]> = { same: [], other: [] };
    const hold = (store: SurveyStore, pseudonym: string, spansOf: [number, number][]) =>
      store.exclusiveFor(pseudonym, async () => {
        const start = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 150));
        spansOf.push([start, performance.now()]);
      });
    await Promise.all([
      hold(instances[0]!, "person-a", spans.same!),
      hold(instances[1]!, "person-a", spans.same!),
    ]);
    await Promise.all([
      hold(instances[0]!, "person-b", spans.other!),
      hold(instances[1]!, "person-c", spans.other!),
    ]);
    const overlap = ([a, b]: [number, number][]) => Math.min(a![1], b![1]) - Math.max(a![0], b![0]);
    expect(overlap(spans.same!)).toBeLessThanOrEqual(0);
    expect(overlap(spans.other!)).toBeGreaterThan(0);
  });
});
