import { Api, Context } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.ts";
import { isCoordinator } from "../../src/bot/features/coordinator/coordinator-access.ts";
import { COORDINATOR_COMMANDS } from "../../src/bot/features/coordinator/coordinator-feature.ts";
import { tableRows } from "../db/table-rows.ts";
import type { ApiCall } from "../support/fake-telegram.ts";
import { botInfo } from "../support/fake-telegram.ts";
import { seedSubmittedResponses } from "../support/stored-responses.ts";
import { createTestBot, type TestBot } from "../support/test-bot.ts";
import { capturedLog } from "./captured-log.ts";
import { t } from "./expert-journey.ts";

const COORDINATOR = { id: 42, is_bot: false, first_name: "Dana", language_code: "en" };
const STRANGER = { id: 4242, is_bot: false, first_name: "Nosy", language_code: "en" };
const GROUP = { id: -100_555, type: "supergroup" as const, title: "Experts' chat" };
const NOT_AVAILABLE = t("coordinator:not_available");
const PRIVATE_ONLY = t("coordinator:private_only");

/** Payloads of coordinators' buttons, with arguments that would act if they were accepted. */
const COORDINATOR_BUTTONS = [
  "sum:q:education",
  "sum:w:1",
  "sum:w:c",
  "sum:p:education:1:1:0",
  "sum:p:education:c:0:1",
  "wave:open:education:1",
  "wave:cancel",
];

/** Four submitted responses, so that any statistic would show figures. */
async function botWithResponses(): Promise<TestBot> {
  const testBot = await createTestBot({ coordinatorIds: [COORDINATOR.id] });
  await seedSubmittedResponses(testBot.services, 4);
  return testBot;
}

/** Each update a fresh id, as Telegram gives them: the bot drops an id it has handled. */
const updateIds = { next: 1_000_000 };

function commandUpdate(
  from: typeof COORDINATOR,
  chat: { id: number; type: string },
  text: string,
  forwardedFrom?: typeof COORDINATOR,
): Update {
  const command = /^\/[\w@]+/.exec(text)![0];
  return {
    update_id: updateIds.next++,
    message: {
      message_id: 500,
      date: 1_790_000_000,
      chat,
      from,
      text,
      entities: [{ type: "bot_command", offset: 0, length: command.length }],
      ...(forwardedFrom
        ? { forward_origin: { type: "user", date: 1_780_000_000, sender_user: forwardedFrom } }
        : {}),
    },
  } as Update;
}

function pressUpdate(from: typeof COORDINATOR, chat: { id: number; type: string }, data: string): Update {
  return {
    update_id: updateIds.next++,
    callback_query: {
      id: "cb-2",
      chat_instance: "ci",
      from,
      data,
      message: { message_id: 7, date: 0, chat },
    },
  } as Update;
}

const privateChat = (user: typeof COORDINATOR) => ({
  id: user.id,
  type: "private",
  first_name: user.first_name,
});

/** A private chat that is not the sender's: only a forged update says so, to have replies sent there. */
const ATTACKERS_CHAT = privateChat(STRANGER);

/**
 * Sends the update and returns what the bot did. The refusal may be one reply in the same chat, or a toast;
 * anything else (a figure, a file, a deleted message, a changed row) is a leak.
 */
async function handle(testBot: TestBot, update: Update): Promise<{ calls: ApiCall[]; dbChanged: boolean }> {
  const log = capturedLog();
  testBot.services.logger = log.logger;
  // Which updates were handled is bookkeeping, not data a refused command could change.
  const data = () => ({ ...tableRows(testBot.db.$client), handled_updates: [] });
  const before = data();
  const since = testBot.telegram.calls.length;
  await testBot.bot.handleUpdate(update);
  expect(log.errors()).toEqual([]);
  const dbChanged = JSON.stringify(data()) !== JSON.stringify(before);
  return { calls: testBot.telegram.calls.slice(since), dbChanged };
}

const commandText = (command: string) => `/${command} education`;

describe.each(COORDINATOR_COMMANDS)("/%s", (command) => {
  it("works for the coordinator in a private chat (the control for the refusals below)", async () => {
    const testBot = await botWithResponses();
    const { calls } = await handle(
      testBot,
      commandUpdate(COORDINATOR, privateChat(COORDINATOR), commandText(command)),
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((call) => call.payload.text)).not.toContain(NOT_AVAILABLE);
  });

  it.each([
    ["a stranger in a private chat", STRANGER, privateChat(STRANGER), NOT_AVAILABLE, undefined],
    ["a stranger in a group", STRANGER, GROUP, NOT_AVAILABLE, undefined],
    ["the coordinator in a group", COORDINATOR, GROUP, PRIVATE_ONLY, undefined],
    [
      "the coordinator forwarding someone's command",
      COORDINATOR,
      privateChat(COORDINATOR),
      NOT_AVAILABLE,
      STRANGER,
    ],
    [
      "a stranger forwarding the coordinator's command",
      STRANGER,
      privateChat(STRANGER),
      NOT_AVAILABLE,
      COORDINATOR,
    ],
  ] as const)(
    "is refused to %s, with no figure shown and nothing changed",
    async (_who, from, chat, refusal, forwardedFrom) => {
      const testBot = await botWithResponses();
      for (const text of [commandText(command), `/${command}@survey_test_bot`]) {
        const { calls, dbChanged } = await handle(testBot, commandUpdate(from, chat, text, forwardedFrom));
        expect(calls).toEqual([
          { method: "sendMessage", payload: expect.objectContaining({ chat_id: chat.id, text: refusal }) },
        ]);
        expect(dbChanged).toBe(false);
      }
    },
  );

  it("from the coordinator's id in someone else's private chat (forged) gets no reply and changes nothing", async () => {
    const testBot = await botWithResponses();
    const { calls, dbChanged } = await handle(
      testBot,
      commandUpdate(COORDINATOR, ATTACKERS_CHAT, commandText(command)),
    );
    expect(calls).toEqual([]);
    expect(dbChanged).toBe(false);
  });
});

describe("coordinators' buttons", () => {
  it.each(COORDINATOR_BUTTONS)("%s pressed by a stranger shows only a refusal", async (data) => {
    const testBot = await botWithResponses();
    const { calls, dbChanged } = await handle(testBot, pressUpdate(STRANGER, privateChat(STRANGER), data));
    expect(calls).toEqual([
      { method: "answerCallbackQuery", payload: expect.objectContaining({ text: NOT_AVAILABLE }) },
    ]);
    expect(dbChanged).toBe(false);
  });

  it.each(COORDINATOR_BUTTONS)(
    "%s pressed by the coordinator in a group shows nothing to the group",
    async (data) => {
      const testBot = await botWithResponses();
      const { calls, dbChanged } = await handle(testBot, pressUpdate(COORDINATOR, GROUP, data));
      expect(calls).toEqual([
        { method: "answerCallbackQuery", payload: expect.objectContaining({ text: NOT_AVAILABLE }) },
      ]);
      expect(dbChanged).toBe(false);
    },
  );

  it.each(COORDINATOR_BUTTONS)(
    "%s pressed with the coordinator's id in someone else's private chat (forged) does nothing",
    async (data) => {
      const testBot = await botWithResponses();
      const { calls, dbChanged } = await handle(testBot, pressUpdate(COORDINATOR, ATTACKERS_CHAT, data));
      expect(calls).toEqual([]);
      expect(dbChanged).toBe(false);
    },
  );

  it("a summary page the coordinator pages to in private does show figures (the control)", async () => {
    const testBot = await botWithResponses();
    const { calls } = await handle(
      testBot,
      pressUpdate(COORDINATOR, privateChat(COORDINATOR), "sum:p:education:1:1:0"),
    );
    expect(calls.map((call) => call.method)).toContain("sendPhoto");
  });
});

describe("isCoordinator", () => {
  it("holds for the coordinator in their own private chat, and not in a chat a forged update names", async () => {
    const { services } = await createTestBot({ coordinatorIds: [COORDINATOR.id] });
    const contextOf = (update: Update) => {
      const ctx = new Context(update, new Api("1:token"), botInfo) as BotContext;
      ctx.services = services;
      return ctx;
    };
    expect(isCoordinator(contextOf(commandUpdate(COORDINATOR, privateChat(COORDINATOR), "/sample")))).toBe(
      true,
    );
    expect(isCoordinator(contextOf(commandUpdate(COORDINATOR, ATTACKERS_CHAT, "/sample")))).toBe(false);
    expect(isCoordinator(contextOf(pressUpdate(COORDINATOR, ATTACKERS_CHAT, "sum:w:1")))).toBe(false);
  });
});
