import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { tableRows } from "../db/table-rows.ts";
import { createTestBot, type TestBot } from "../support/test-bot.ts";
import { type Account, answerUntil, onboardedExpert, t } from "./expert-journey.ts";

const account: Account = { id: 31_337, first_name: "Aigerim", language_code: "en" };

/** Brings the bot to a point and returns the update that is then delivered twice. */
type Scenario = (testBot: TestBot) => Promise<Update>;

const idempotent: [string, Scenario][] = [
  [
    "the consent button",
    async (testBot) => {
      await testBot.bot.handleUpdate(testBot.telegram.textUpdate(account, "/start"));
      await testBot.bot.handleUpdate(testBot.telegram.pressUpdate(account, /English/));
      return testBot.telegram.pressUpdate(account, t("consent.agree"));
    },
  ],
  [
    "a choice",
    async (testBot) => {
      await onboardedExpert(testBot, account, "education", true);
      return testBot.telegram.pressUpdate(account, "Shymkent");
    },
  ],
  [
    "a toggle in a multi-select",
    async (testBot) => {
      await onboardedExpert(testBot, account, "education", true);
      await answerUntil(testBot, account, "education", true, "barriers");
      return testBot.telegram.pressUpdate(account, /No electronic/);
    },
  ],
  [
    "a place in a ranking",
    async (testBot) => {
      await onboardedExpert(testBot, account, "education", true);
      await answerUntil(testBot, account, "education", true, "barriers_rank");
      return testBot.telegram.pressUpdate(account, /No electronic/);
    },
  ],
  [
    "Submit",
    async (testBot) => {
      await onboardedExpert(testBot, account, "healthcare", true);
      await answerUntil(testBot, account, "healthcare", true, null);
      return testBot.telegram.pressUpdate(account, t("buttons.submit"));
    },
  ],
];

const commandsAndTypedAnswers: [string, Scenario][] = [
  ["/start of a new expert", async ({ telegram }) => telegram.textUpdate(account, "/start")],
  [
    "/start of an expert half-way through",
    async (testBot) => {
      await onboardedExpert(testBot, account, "education", true);
      await answerUntil(testBot, account, "education", true, "access_relevance");
      return testBot.telegram.textUpdate(account, "/start");
    },
  ],
  [
    "a typed text answer",
    async (testBot) => {
      await onboardedExpert(testBot, account, "education", false);
      return testBot.telegram.textUpdate(account, "Aigerim Nurlanovna");
    },
  ],
  [
    "a typed number",
    async (testBot) => {
      await onboardedExpert(testBot, account, "healthcare", true);
      await answerUntil(testBot, account, "healthcare", true, "experience_years");
      return testBot.telegram.textUpdate(account, "12");
    },
  ],
];

/** Delivers the scenario's update twice and asserts the second delivery left the database as the first did. */
async function deliverTwice(scenario: Scenario): Promise<void> {
  const testBot = await createTestBot();
  const update = await scenario(testBot);
  const before = tableRows(testBot.db.$client);
  await testBot.bot.handleUpdate(structuredClone(update));
  const once = tableRows(testBot.db.$client);
  expect(once).not.toEqual(before);
  await testBot.bot.handleUpdate(structuredClone(update));
  expect(tableRows(testBot.db.$client)).toEqual(once);
}

describe("an update delivered twice (Telegram redelivers after a restart)", () => {
  it.each(idempotent)("changes nothing the second time: %s", (_name, scenario) => deliverTwice(scenario));
  it.each(commandsAndTypedAnswers)("changes nothing the second time: %s", (_name, scenario) =>
    deliverTwice(scenario),
  );
});
