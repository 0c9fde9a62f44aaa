import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tableRows } from "../db/table-rows.ts";
import { receiptIn, responseByReceipt } from "../support/receipts.ts";
import { answerOn, onboard, openResponse, t } from "../support/study-bot.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const ID = 4242;

async function submitAnonymously(testBot: TestBot, user = expert(testBot, { id: ID, language_code: "en" })) {
  await onboard(user, "education", true);
  return submitOnboarded(testBot, user);
}

/** Answers and submits the anonymous education questionnaire whose first question is on screen. */
async function submitOnboarded(testBot: TestBot, user: ReturnType<typeof expert>) {
  await answerOn(testBot, user, ID, "education", true);
  await user.press(t("buttons.submit"));
  return { user, receipt: receiptIn(user.last().text)! };
}

async function submittedCount(testBot: TestBot): Promise<number> {
  return await testBot.services.results.countSubmitted(
    (await testBot.services.waves.openWave("education"))!.id,
  );
}

describe("an anonymous expert and their receipt", () => {
  it("resumes an anonymous draft after a restart, at the same question", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "resume-")), "survey.db");
    const first = await createTestBot({ databasePath: path });
    const user = expert(first, { id: ID, language_code: "en" });
    await onboard(user, "education", true);
    await user.press("Shymkent");
    const current = (await openResponse(first, ID, "education", true))!.currentQuestion;
    first.db.$client.close();

    const second = await createTestBot({ databasePath: path, firstId: 1000 });
    const again = expert(second, { id: ID, language_code: "en" });
    await again.send("/start");
    expect(again.labels()).toEqual([t("buttons.continue"), t("buttons.restart")]);
    await again.press(t("buttons.continue"));
    expect((await openResponse(second, ID, "education", true))!.currentQuestion).toBe(current);
    expect(
      (await second.services.drafts.answersOf((await openResponse(second, ID, "education", true))!.id))
        .region,
    ).toEqual({ kind: "choice", option: "shymkent" });
  });

  it("gets a 140-bit receipt in a copyable code block, and only its hash is stored", async () => {
    const testBot = await createTestBot();
    const { user, receipt } = await submitAnonymously(testBot);
    expect(receipt).toMatch(/^([2-9A-HJ-NP-Z]{4}-){6}[2-9A-HJ-NP-Z]{4}$/);
    expect(user.last().text).toContain(`<code>${receipt}</code>`);
    const stored = JSON.stringify(tableRows(testBot.db.$client));
    expect(stored).not.toContain(receipt.replaceAll("-", ""));
    expect(stored).not.toContain(receipt);
    expect((await responseByReceipt(testBot, receipt))?.anonymous).toBe(true);
  });

  it("submits once per wave: /start and a second attempt are told only the receipt reopens the answers", async () => {
    const testBot = await createTestBot();
    const { user } = await submitAnonymously(testBot);
    await user.send("/start");
    expect(user.last().text).toBe(t("submitted.sealed"));
    expect(user.labels()).toEqual([]);
    await user.send("/start healthcare");
    await user.send("/start");
    await user.press("Education");
    await user.press(t("anonymity.named"));
    expect(user.last().text).toBe(t("submitted.sealed"));
    expect(await openResponse(testBot, ID, "education", false)).toBeUndefined();
    expect(await submittedCount(testBot)).toBe(1);
  });

  it("with the receipt reviews the answers, changes one, and gets a new receipt; the old one opens nothing", async () => {
    const testBot = await createTestBot();
    const { user, receipt } = await submitAnonymously(testBot);
    await user.send(receipt.toLowerCase().replaceAll("-", " "));
    expect(user.last().text).toContain("1. <b>Region</b>: Shymkent");
    expect(user.labels()).toEqual([t("buttons.change"), t("receipt.withdraw")]);

    await user.press(t("buttons.change"));
    expect(await submittedCount(testBot)).toBe(0);
    await user.press("✏️ 1");
    await user.press("Turkestan region");
    await user.press(t("buttons.submit"));
    const renewed = receiptIn(user.last().text)!;
    expect(renewed).not.toBe(receipt);
    expect(await submittedCount(testBot)).toBe(1);
    const response = (await responseByReceipt(testBot, renewed))!;
    expect((await testBot.services.drafts.answersOf(response.id)).region).toEqual({
      kind: "choice",
      option: "turkestan_region",
    });

    await user.send(receipt);
    expect(user.last().text).toBe(t("receipt.unknown"));
    expect(await submittedCount(testBot)).toBe(1);
  });

  it("the thank-you message's Change button opens the response by the receipt it carries", async () => {
    const testBot = await createTestBot();
    const { user } = await submitAnonymously(testBot);
    await user.press(t("buttons.change"));
    expect(user.last().text).toContain("1. <b>Region</b>: Shymkent");
    expect(user.labels()).toContain(t("receipt.withdraw"));
  });

  it("withdraws the response with the receipt, after a confirmation, and may answer again", async () => {
    const testBot = await createTestBot();
    const { user, receipt } = await submitAnonymously(testBot);
    await user.send(`/start ${receipt}`);
    await user.press(t("receipt.withdraw"));
    expect(await submittedCount(testBot)).toBe(1);
    await user.press(t("receipt.withdraw_yes"));
    expect(user.last().text).toBe(t("receipt.withdrawn"));
    expect(await submittedCount(testBot)).toBe(0);
    expect(await testBot.services.tallies.tallies("education")).toEqual([]);
    await user.send("/start");
    await user.press("Education");
    await user.press(t("anonymity.anonymous"));
    await submitOnboarded(testBot, user);
    expect(await submittedCount(testBot)).toBe(1);
  });

  it("answers a wrong receipt in the expert's language and changes nothing", async () => {
    const testBot = await createTestBot();
    await submitAnonymously(testBot);
    const other = expert(testBot, { id: 77, language_code: "ru" });
    await other.send("/start");
    await other.press(/Русский/);
    await other.send("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG");
    expect(other.last().text).toBe(testBot.services.translations.forLanguage("ru")("receipt.unknown"));
    expect(await submittedCount(testBot)).toBe(1);
  });

  it("slows down guessing: after five wrong receipts even the right one waits", async () => {
    const testBot = await createTestBot();
    const { user, receipt } = await submitAnonymously(testBot);
    for (let guess = 0; guess < 5; guess++) await user.send(`${"2345".repeat(6)}23${guess + 2}2`);
    await user.send(receipt);
    expect(user.last().text).toBe(t("receipt.too_many"));
    const later = new Date(Date.now() + 61 * 60 * 1000);
    expect(testBot.services.receiptGuesses.blocked(testBot.services.pseudonyms.participant(ID), later)).toBe(
      false,
    );
  });

  it("a closed wave's response can be reviewed with the receipt but no longer changed", async () => {
    const testBot = await createTestBot();
    const { user, receipt } = await submitAnonymously(testBot);
    await testBot.services.waves.openNext("education", new Date());
    await user.send(receipt);
    expect(user.last().text).toContain(t("receipt.closed"));
    expect(user.labels()).toEqual([]);
  });
});
