import { describe, expect, it } from "vitest";
import { answers, experts, invitations, participants, responses } from "../../src/db/sqlite/schema.ts";
import { studyText } from "../support/questionnaires.ts";
import { receiptIn, responseByReceipt } from "../support/receipts.ts";
import { answerOn, completeQuestionnaire, onboard, openResponse, t } from "../support/study-bot.ts";
import { createTestBot, expert } from "../support/test-bot.ts";

const account = { id: 601, language_code: "en", first_name: "Gulnara", username: "gulnara_expert" };

describe("/my_data", () => {
  it("shows a named expert their account and their answers in words", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, account);
    await completeQuestionnaire(testBot, user, account.id, "education", false);

    await user.send("/my_data");

    const text = user.last().text;
    expect(text).toContain("Telegram id: 601\nUsername: @gulnara_expert\nName: Gulnara\nLanguage: English");
    expect(text).toContain("Chat settings: language English,");
    expect(text).toContain("Reminders: on\nInvitations to the next wave: no");
    expect(text).toMatch(/📋 Education, wave 1: submitted on \d{4}-\d{2}-\d{2}\n/);
    expect(text).toContain("• Full name: answer to full_name");
    expect(text).toContain("• Region: Shymkent");
    expect(text).toContain(`• ${studyText(t, "questions.education.edu_role.short")}: Chief specialist`);
    expect(text).toContain(
      "Answers submitted anonymously are not linked to you, so they are not shown here: only their receipt reopens them.",
    );
  });

  it("tells an anonymous expert that nothing links their answers to them", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, { id: 602, language_code: "en" });
    await onboard(user, "healthcare", true);
    await user.press("Shymkent");

    await user.send("/my_data");

    const text = user.last().text;
    expect(text).toContain("We keep no Telegram account data about you.");
    expect(text).toContain("No answers given with your name.");
    expect(text).not.toContain("Shymkent");
  });
});

describe("/delete_my_data", () => {
  it("deletes the account, chat settings and named responses after a confirmation, and keeps anonymous ones", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, account);
    await completeQuestionnaire(testBot, user, account.id, "education", false);
    await user.press(t("waves:invitations.offer"));
    testBot.services.waves.openNext("education", new Date());
    await testBot.bot.handleUpdate(testBot.telegram.textUpdate(account, "/start"));
    await user.press("Healthcare");
    await user.press(t("anonymity.anonymous"));
    await answerOn(testBot, user, account.id, "healthcare", true);
    await user.press(t("buttons.submit"));
    const anonymousResponse = responseByReceipt(testBot, receiptIn(user.last().text)!)!;
    const pseudonym = testBot.services.pseudonyms.participant(account.id);
    testBot.services.invitations.claim(
      testBot.services.waves.openWave("education")!.id,
      pseudonym,
      new Date(),
    );

    await user.send("/delete_my_data");
    expect(user.last().text).toContain("and 1 response given with your name?");
    expect(user.last().text).toContain("only their receipt can withdraw them");
    expect(testBot.db.select().from(experts).all()).toHaveLength(1);

    await user.press("🗑 Yes, delete");

    expect(user.last().text).toBe(
      "Deleted: your account data, your chat settings and 1 response given with your name. Answers submitted anonymously are not linked to you and were not deleted: only their receipt can withdraw them.",
    );
    const { db } = testBot;
    expect(db.select().from(experts).all()).toEqual([]);
    expect(db.select().from(invitations).all()).toEqual([]);
    expect(db.select().from(participants).all()).toEqual([]);
    expect(
      db
        .select()
        .from(responses)
        .all()
        .map((row) => row.id),
    ).toEqual([anonymousResponse.id]);
    expect(
      new Set(
        db
          .select()
          .from(answers)
          .all()
          .map((row) => row.responseId),
      ),
    ).toEqual(new Set([anonymousResponse.id]));
  });

  it("deletes nothing when the expert cancels", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, account);
    await onboard(user, "education", false);
    await user.send("Gulnara Seitkali");
    await user.send("/delete_my_data");
    await user.press("Cancel");
    expect(user.last().text).toBe("Nothing was deleted.");
    expect(testBot.db.select().from(experts).all()).toHaveLength(1);
    expect(openResponse(testBot, account.id, "education", false)).toBeDefined();
  });
});

describe("/help", () => {
  it("names /my_data and /delete_my_data and says only the receipt reopens anonymous answers", async () => {
    const testBot = createTestBot();
    const user = expert(testBot, { id: 603, language_code: "en" });
    await user.send("/help");
    const text = user.last().text;
    expect(text).toContain("/my_data");
    expect(text).toContain("/delete_my_data");
    expect(text).toMatch(/answer anonymously.*Only the receipt you get then can reopen them/s);
    expect(t("consent.text")).toMatch(
      /When you submit, that link is destroyed.*only with it can you see, change or withdraw/s,
    );
  });
});
