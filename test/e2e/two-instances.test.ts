import { randomInt } from "node:crypto";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Language } from "../../src/i18n/translator.ts";
import { Translations } from "../../src/i18n/translator.ts";
import type { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { freePort } from "../support/free-port.ts";
import { freshPostgresDatabase } from "../support/postgres-server.ts";
import { BotProcess } from "./bot-process.ts";
import { planOf } from "./expert-plans.ts";
import { disposeHarness, startHarness } from "./harness.ts";
import { auditPostgresAnswers } from "./postgres-answer-audit.ts";
import { RetryingExpert } from "./retrying-expert.ts";
import { seededRandom } from "./seeded-random.ts";
import { SurveyExpert } from "./survey-expert.ts";
import { WebhookBalancer } from "./webhook-balancer.ts";

const translations = Translations.load();
const database = await freshPostgresDatabase();
const SEED = Number(process.env.TWO_INSTANCES_SEED ?? randomInt(2 ** 31));
const EXPERTS = 36;
const LANGUAGES: Language[] = ["kk", "ru", "en"];
/** The share of deliveries on which the balancer stops waiting and answers 504 while the instance carries on. */
const GIVE_UP_SHARE = 0.04;
/** The instance is killed once the experts have taken this share of the actions a questionnaire needs. */
const KILL_AFTER_ACTIONS = EXPERTS * 12;
const DOWN_MS = 1500;
// Bounds the wait for the experts to get going; they reach it within seconds.
const KILL_DEADLINE_MS = 30_000;

let harness: Awaited<ReturnType<typeof startHarness>>;
let emulator: BotApiEmulator;
let balancer: WebhookBalancer;
let instances: BotProcess[];

async function startInstances(): Promise<void> {
  // A quick second delivery, so that it often comes while the instance given up on is still at the update.
  ({ emulator } = harness = await startHarness("two-instances", { webhookRetryDelayMs: 5 }));
  const ports = [await freePort(), await freePort()];
  const random = seededRandom(SEED);
  balancer = new WebhookBalancer({
    upstreamPorts: ports,
    giveUpAfterMs: () => (random() < GIVE_UP_SHARE ? Math.floor(random() * 30) : undefined),
  });
  const url = await balancer.start();
  // Without WEBHOOK_SECRET: each instance derives the same secret from the token.
  instances = ports.map(
    (port) =>
      new BotProcess({
        emulator,
        dataDir: harness.dataDir,
        env: { DATABASE_URL: database?.url, WEBHOOK_URL: url, PORT: String(port) },
      }),
  );
  // One after the other: the first creates the pseudonym key both use.
  for (const instance of instances) await instance.start();
}

describe.skipIf(!database)("two bot instances by webhook on one PostgreSQL database", () => {
  beforeAll(startInstances);
  afterAll(async () => {
    for (const instance of instances ?? []) await instance.dispose();
    await balancer?.close();
    if (harness) await disposeHarness({ ...harness, bot: instances[0]! });
    await database?.drop();
  });

  it("store every answer exactly once though one is killed mid-run and the balancer gives up on some deliveries", {
    timeout: 120_000,
  }, async () => {
    console.log(`two instances seed ${SEED} (repeat with TWO_INSTANCES_SEED=${SEED})`);
    const random = seededRandom(SEED + 1);
    const experts = Array.from({ length: EXPERTS }, (_, index) => {
      const plan = planOf(
        LANGUAGES[index % LANGUAGES.length]!,
        index % 2 === 0 ? "education" : "healthcare",
        index % 4 < 2,
        3 + (index % 25),
      );
      const user = emulator.user({
        id: 760_001 + index,
        first_name: `Expert${index}`,
        language_code: plan.language,
      });
      return new RetryingExpert(new SurveyExpert(user, plan, translations), {
        thinkMs: () => 100 + Math.floor(random() * 200),
        patienceMs: 5000,
      });
    });
    onTestFailed(() => {
      console.error(`Two instances seed ${SEED}; balancer ${JSON.stringify(balancer.counts)}`);
      console.error(experts.map((expert) => expert.transcript()).join("\n\n"));
      for (const [index, instance] of instances.entries())
        console.error(`Instance ${index} log (end):\n${instance.output().slice(-6000)}`);
    });

    const answering = Promise.all(experts.map((expert) => expert.run()));
    let finished = false;
    void answering.finally(() => {
      finished = true;
    });
    const actions = () => experts.reduce((sum, expert) => sum + expert.actions, 0);
    for (const deadline = Date.now() + KILL_DEADLINE_MS; actions() < KILL_AFTER_ACTIONS && !finished; ) {
      if (Date.now() > deadline) throw new Error(`only ${actions()} actions in ${KILL_DEADLINE_MS} ms`);
      await sleep(10);
    }
    const killed = instances[1]!;
    expect(await killed.kill()).toEqual({ code: null, signal: "SIGKILL" });
    const killedAfter = actions();
    await sleep(DOWN_MS);
    await killed.start();
    await answering;
    for (const instance of instances) await instance.stop();

    const ledgers = experts.map((expert) => expert.ledger());
    const keyFile = join(harness.dataDir, "pseudonym.key");
    expect(await auditPostgresAnswers(database!.url, ledgers, { keyFile, complete: true })).toEqual([]);
    // A typed answer handled a second time is refused as typed before its question: no expert may see that.
    const toldTooEarly = experts.filter((expert) => {
      const refusal = expert.survey.plain(expert.survey.t("problems.before_question"));
      return expert.user.messages().some((message) => message.text === refusal);
    });
    expect(toldTooEarly.map((expert) => expert.describe())).toEqual([]);
    for (const expert of experts) {
      const visible = expert.survey.questionnaire.questions.filter(
        (question) => !(expert.survey.anonymous && question.section === "identity"),
      );
      expect(expert.acknowledged.size, expert.describe()).toBe(visible.length);
    }
    console.log(
      `two instances seed ${SEED}: killed one after ${killedAfter} of ${actions()} actions; balancer ${JSON.stringify(balancer.counts)}`,
    );
    // The run did go through both kinds of second delivery: after a dead instance, and beside a live one.
    expect(balancer.counts.failed).toBeGreaterThan(0);
    expect(balancer.counts.gaveUp).toBeGreaterThan(0);
  });
});
