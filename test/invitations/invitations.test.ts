import { run } from "@grammyjs/runner";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { invitations } from "../../src/db/sqlite/schema.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { completeQuestionnaire, seedResponse, t } from "../support/study-bot.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const COORDINATOR = 42;

describe("the thank-you screen of a named questionnaire", () => {
  it("offers an invitation to the next wave, which the expert accepts with one tap", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, { id: 701, language_code: "en" });
    await completeQuestionnaire(testBot, user, 701, "education", false);
    expect(user.labels()).toEqual(["✏️ Change my answers", "🔔 Invite me to the next wave"]);

    // Telegram sends the pressed message with its buttons, which the bot keeps but for the one pressed.
    const screen = user.last();
    const press = testBot.telegram.pressUpdate({ id: 701 }, "🔔 Invite me to the next wave");
    const inline_keyboard = screen.buttons.map((row) =>
      row.map((b) => ({ text: b.text, callback_data: b.data })),
    );
    Object.assign(press.callback_query!.message!, { reply_markup: { inline_keyboard } });
    await testBot.bot.handleUpdate(press);

    const pseudonym = testBot.services.pseudonyms.participant(701);
    expect(testBot.services.experts.find(pseudonym)?.inviteToNextWave).toBe(true);
    expect(testBot.telegram.toasts().at(-1)).toBe("Thank you! We will invite you when the next wave opens.");
    const markup = testBot.telegram.callsOf("editMessageReplyMarkup").at(-1)?.payload.reply_markup;
    expect(JSON.stringify(markup)).toContain("✏️ Change my answers");
    expect(JSON.stringify(markup)).not.toContain("inv:yes");
  });

  it("offers nothing to an anonymous expert, whose account is not stored", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, { id: 702, language_code: "en" });
    await completeQuestionnaire(testBot, user, 702, "healthcare", true);
    expect(user.labels()).toEqual(["✏️ Change my answers"]);
  });
});

interface InvitedExpert {
  id: number;
  optedIn: boolean;
}

/** Named experts who submitted wave 1, as the bot stores them; some asked to be invited. */
function seedWaveOne(testBot: TestBot, people: InvitedExpert[]) {
  const { services } = testBot;
  for (const person of people) {
    const pseudonym = services.pseudonyms.participant(person.id);
    services.participants.update(
      services.participants.findOrCreate(pseudonym, new Date()),
      {
        language: "en",
        consentedAt: new Date(),
        stage: "submitted",
        questionnaire: "education",
        anonymous: false,
      },
      new Date(),
    );
    services.experts.enrol(pseudonym, { telegramId: person.id, language: "en" }, new Date());
    services.experts.completeAccount(pseudonym, {
      username: null,
      firstName: `Expert ${person.id}`,
      lastName: null,
    });
    services.experts.update(pseudonym, { inviteToNextWave: person.optedIn });
    seedResponse(testBot, { questionnaire: "education", respondentKey: pseudonym, anonymous: false });
  }
}

describe("invitations to a new wave, sent through the Bot API", () => {
  let emulator: BotApiEmulator;
  let testBot: TestBot;
  let stopBot: () => Promise<void>;

  beforeEach(async () => {
    emulator = new BotApiEmulator({ botUsername: "survey_test_bot" });
    await emulator.start();
    testBot = createTestBot({
      coordinatorIds: [COORDINATOR],
      server: { token: emulator.token, apiRoot: emulator.apiRoot, botInfo: emulator.botInfo },
    });
    const runner = run(testBot.bot);
    stopBot = () => runner.stop();
  });

  afterEach(async () => {
    await stopBot();
    await emulator.close();
    expect(emulator.internalErrors).toEqual([]);
  });

  it("reach every expert who asked exactly once through 429s, count the blocked one, and never repeat", async () => {
    const people = [
      { id: 801, optedIn: true },
      { id: 802, optedIn: true },
      { id: 803, optedIn: true },
      { id: 804, optedIn: true },
      { id: 805, optedIn: false },
    ];
    seedWaveOne(testBot, people);
    const users = people.map((person) => emulator.user({ id: person.id, first_name: `Expert ${person.id}` }));
    emulator.blockUser(804);
    const coordinator = emulator.user({ id: COORDINATOR, first_name: "Coordinator", language_code: "en" });

    await coordinator.act(() => coordinator.sendCommand("/wave_open education"));
    expect(coordinator.lastMessage()?.text).toContain("Experts to be invited: 4.");
    emulator.faults.add({ method: "sendMessage", status: 429, retryAfter: 1 }, { times: 2 });
    await coordinator.act(() => coordinator.pressButton("✅ Open wave 2"));
    const finalCount =
      "Wave 2 of Education is open.\n\nInvitations to Education, wave 2: sent: 3, blocked the bot: 1, failed: 0.";
    await coordinator.waitFor((chat) => chat.lastMessage()?.text === finalCount, 15_000);

    const invitation = "Education: wave 2 has started";
    const received = users.map((user) => user.messages().filter((m) => m.text.startsWith(invitation)).length);
    expect(received).toEqual([1, 1, 1, 0, 0]);
    const sends = emulator.calls.filter((call) => call.method === "sendMessage");
    expect(sends.filter((call) => call.status === 429)).toHaveLength(2);
    expect(sends.filter((call) => call.status === 403)).toHaveLength(1);
    const [first] = users;
    expect(first?.lastMessage()?.raw.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({
      text: "▶️ Start the questionnaire",
      url: "https://t.me/survey_test_bot?start=education",
    });

    await coordinator.act(() => coordinator.sendCommand("/invite education"));
    await coordinator.waitFor((chat) => chat.lastMessage()?.text.startsWith("Invitations to") ?? false);
    expect(coordinator.lastMessage()?.text).toBe(
      "Invitations to Education, wave 2: sent: 0, blocked the bot: 0, failed: 0.",
    );
    const again = users.map((user) => user.messages().filter((m) => m.text.startsWith(invitation)).length);
    expect(again).toEqual([1, 1, 1, 0, 0]);
    expect(
      testBot.db
        .select()
        .from(invitations)
        .all()
        .map((row) => row.status)
        .sort(),
    ).toEqual(["blocked", "sent", "sent", "sent"]);
  });

  function statuses(): string[] {
    return testBot.db
      .select()
      .from(invitations)
      .all()
      .map((row) => row.status)
      .sort();
  }

  it("invitations a killed run left at 'sending' are reported by /waves and sent again by /invite", async () => {
    const people = [801, 802, 803].map((id) => ({ id, optedIn: true }));
    seedWaveOne(testBot, people);
    const users = people.map((person) => emulator.user({ id: person.id, first_name: `Expert ${person.id}` }));
    const { services } = testBot;
    const wave = services.waves.openNext("education", new Date());
    // A run that was killed: one invitation finished, two claimed with no word on whether they went out.
    const killedAt = new Date(Date.now() - 60_000);
    const [done, ...cut] = people.map((person) => services.pseudonyms.participant(person.id));
    for (const pseudonym of [done!, ...cut]) services.invitations.claim(wave.id, pseudonym, killedAt);
    services.invitations.finish(wave.id, done!, "sent", killedAt);
    const coordinator = emulator.user({ id: COORDINATOR, first_name: "Coordinator", language_code: "en" });

    await coordinator.act(() => coordinator.sendCommand("/waves"));
    expect(coordinator.lastMessage()?.text).toContain(
      "⚠️ Invitations interrupted by a stop of the bot: 2; they may not have arrived. /invite education sends them again.",
    );

    await coordinator.act(() => coordinator.sendCommand("/invite education"));
    await coordinator.waitFor((chat) => chat.lastMessage()?.text.startsWith("Invitations to") ?? false);
    expect(coordinator.lastMessage()?.text).toBe(
      "Invitations to Education, wave 2: sent: 2, blocked the bot: 0, failed: 0.\n" +
        "Sent again after an interruption: 2 (an expert may get such an invitation twice).",
    );
    const received = users.map((user) => user.messages().length);
    expect(received).toEqual([0, 1, 1]);
    expect(statuses()).toEqual(["sent", "sent", "sent"]);
    await coordinator.act(() => coordinator.sendCommand("/waves"));
    expect(coordinator.lastMessage()?.text).not.toContain("⚠️");
  });

  it("a run told to stop sends no further invitation, finishes those on their way and says what is left", async () => {
    const people = Array.from({ length: 12 }, (_, index) => ({ id: 820 + index, optedIn: true }));
    seedWaveOne(testBot, people);
    for (const person of people) emulator.user({ id: person.id, first_name: `Expert ${person.id}` });
    const coordinator = emulator.user({ id: COORDINATOR, first_name: "Coordinator", language_code: "en" });
    await coordinator.act(() => coordinator.sendCommand("/wave_open education"));
    // The first sends are slow, so the stop comes while they are on their way.
    emulator.faults.add({ method: "sendMessage", delayMs: 300 }, { times: 8 });
    await coordinator.act(() => coordinator.pressButton("✅ Open wave 2"));
    testBot.services.invitationRuns.stop();

    await coordinator.waitFor((chat) => chat.lastMessage()?.text.includes("invitations not sent") ?? false);
    expect(coordinator.lastMessage()?.text).toBe(
      "Wave 2 of Education is open.\n\n" +
        "Invitations to Education, wave 2: sent: 8, blocked the bot: 0, failed: 0.\n" +
        "The bot is stopping; invitations not sent: 4. Send /invite education when it is back.",
    );
    expect(statuses()).toEqual(Array(8).fill("sent"));
  });

  it("start the questionnaire from the invitation's link, and can be declined", async () => {
    seedWaveOne(testBot, [{ id: 811, optedIn: true }]);
    const user = emulator.user({ id: 811, first_name: "Expert 811" });
    const coordinator = emulator.user({ id: COORDINATOR, first_name: "Coordinator", language_code: "en" });
    await coordinator.act(() => coordinator.sendCommand("/wave_open education"));
    await coordinator.act(() => coordinator.pressButton("✅ Open wave 2"));
    await user.waitFor((chat) => chat.messages().length === 1);

    // Telegram turns a press on the link into /start with its parameter.
    await user.act(() => user.sendCommand("/start education"));
    expect(user.buttons()).toEqual([[t("anonymity.anonymous")], [t("anonymity.named")]]);
    await user.act(() => user.pressButton(t("anonymity.named")));
    expect(user.lastMessage()?.text).toContain("Education · 1/");

    await user.act(() => user.pressButton("🔕 No more invitations"));
    const pseudonym = testBot.services.pseudonyms.participant(811);
    expect(testBot.services.experts.find(pseudonym)?.inviteToNextWave).toBe(false);
    expect(user.callbackAnswers().at(-1)?.text).toBe("You will get no more invitations.");
  });
});
