import { describe, expect, it } from "vitest";
import { studyText } from "../support/questionnaires.ts";
import {
  answerOn,
  choice,
  onboard,
  openResponse,
  respondentKey,
  seedResponse,
  t,
} from "../support/study-bot.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const COORDINATOR = 42;

async function seedSocialEducators(testBot: TestBot, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await seedResponse(testBot, {
      questionnaire: "education",
      respondentKey: `educator-${index}`,
      answers: { edu_role: choice("social_educator") },
    });
  }
}

describe("coordinators set quotas", () => {
  it("with /quota_set and see the progress of the open wave with /quota", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await seedSocialEducators(testBot, 3);
    await seedResponse(testBot, {
      questionnaire: "education",
      respondentKey: "teacher",
      answers: { edu_role: choice("teacher") },
    });
    await seedResponse(testBot, { questionnaire: "education", respondentKey: "draft", draft: true });

    await coordinator.send("/quota_set education total 42");
    expect(coordinator.last().text).toBe("Quota set: Education · All experts: 42 (stop).");
    await coordinator.send("/quota_set education edu_role=social_educator 3 warn");
    expect(coordinator.last().text).toBe("Quota set: Education · Role: Social educator: 3 (warn).");
    await coordinator.send("/quota_set healthcare total 53");
    await coordinator.send("/quota");

    const text = coordinator.last().text;
    expect(text).toContain(
      "<b>Education</b>, wave 1\n• Role: Social educator: 3 of 3 · warn · full\n• All experts: 4 of 42 · stop",
    );
    expect(text).toContain("<b>Healthcare</b>, wave 1\n• All experts: 0 of 53 · stop");
  });

  it("counts per wave: a new wave starts from zero", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await seedSocialEducators(testBot, 2);
    await coordinator.send("/quota_set education total 10");
    await testBot.services.waves.openNext("education", new Date());
    await coordinator.send("/quota");
    expect(coordinator.last().text).toContain("<b>Education</b>, wave 2\n• All experts: 0 of 10 · stop");
  });

  it("are told what is wrong with a quota they type, and 0 removes one", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    const replies: Record<string, string> = {
      "/quota_set education barriers=language_barrier 5":
        "“barriers” is not a choice question of the profile block: quotas can only use those.",
      "/quota_set education edu_role=nurse 5": "The question “edu_role” has no option “nurse”.",
      "/quota_set education hc_role=nurse 5": "Education has no question “hc_role”.",
      "/quota_set education role 5":
        "The category must be total or question=option, e.g. edu_role=social_educator.",
      "/quota_set education total many": "The target must be a whole number, 0 or more.",
      "/quota_set education total 5 maybe": "The mode must be stop or warn.",
      "/quota_set education total 0": "There was no such quota: Education · All experts.",
    };
    for (const [command, reply] of Object.entries(replies)) {
      await coordinator.send(command);
      expect(coordinator.last().text, command).toBe(reply);
    }
    await coordinator.send("/quota_set sociology total 5");
    expect(coordinator.last().text).toMatch(/^Usage: \/quota_set <questionnaire>/);
    await coordinator.send("/quota_set education total 5");
    await coordinator.send("/quota_set education total 0");
    expect(coordinator.last().text).toBe("Quota removed: Education · All experts.");
    expect(await testBot.services.quotas.list("education")).toEqual([]);
  });

  it("are the only ones who can", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const stranger = expert(testBot, { id: 5, language_code: "en" });
    await stranger.send("/quota_set education total 1");
    expect(stranger.last().text).toBe("Sorry, this command is not available to you.");
    await stranger.send("/quota");
    expect(stranger.last().text).toBe("Sorry, this command is not available to you.");
    expect(await testBot.services.quotas.list("education")).toEqual([]);
  });
});

describe("an expert of a full category", () => {
  it("in stop mode is thanked right after the profile question, before the main questions, and not enrolled", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send(
      "/quota_set education edu_role=social_educator 2 stop",
    );
    await seedSocialEducators(testBot, 2);
    const user = expert(testBot, { id: 401, language_code: "en" });
    await onboard(user, "education", false);
    await answerOn(testBot, user, 401, "education", false, { stopBefore: "edu_role" });
    expect(user.last().text).toContain(studyText(t, "questions.education.edu_role.text"));

    await user.press("Social educator");

    expect(user.last().text).toBe(
      "Thank you for your willingness to help! This wave already has all the experts it needs in your group (Role: Social educator), so we will not ask you the remaining questions. Nothing more is needed from you.",
    );
    expect(user.labels()).toEqual([]);
    expect(await openResponse(testBot, 401, "education", false)).toBeUndefined();
    expect(
      await testBot.services.experts.find(respondentKey(testBot, 401, "education", false)),
    ).toBeUndefined();
    const texts = testBot.telegram.chat(401).map((message) => message.text);
    expect(
      texts.some((text) => text.includes(studyText(t, "questions.education.access_relevance.text"))),
    ).toBe(false);
  });

  it("of another category carries on as usual", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send(
      "/quota_set education edu_role=social_educator 2 stop",
    );
    await seedSocialEducators(testBot, 2);
    const user = expert(testBot, { id: 402, language_code: "en" });
    await onboard(user, "education", true);
    await answerOn(testBot, user, 402, "education", true, { stopBefore: "edu_role" });
    await user.press("Teacher");
    expect(user.last().text).toContain(studyText(t, "questions.education.access_relevance.text"));
    expect((await openResponse(testBot, 402, "education", true))?.currentQuestion).toBe("access_relevance");
  });

  it("in warn mode is told right after the profile question and goes on to the main questions", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send(
      "/quota_set education edu_role=social_educator 2 warn",
    );
    await seedSocialEducators(testBot, 2);
    const user = expert(testBot, { id: 403, language_code: "en" });
    await onboard(user, "education", true);
    await answerOn(testBot, user, 403, "education", true, { stopBefore: "edu_role" });

    await user.press("Social educator");

    const chat = testBot.telegram.chat(403);
    expect(chat.at(-2)?.text).toBe(
      "Please note: this wave already has enough experts in your group (Role: Social educator). Your answers are still welcome.",
    );
    expect(chat.at(-1)?.text).toContain(studyText(t, "questions.education.access_relevance.text"));
    await answerOn(testBot, user, 403, "education", true);
    await user.press(t("buttons.submit"));
    expect((await openResponse(testBot, 403, "education", true))?.submittedAt).not.toBeNull();
  });

  it("is counted only on submission: drafts of the category do not fill it", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send(
      "/quota_set education edu_role=social_educator 1 stop",
    );
    const user = expert(testBot, { id: 404, language_code: "en" });
    await onboard(user, "education", true);
    await answerOn(testBot, user, 404, "education", true, { choices: { edu_role: "social_educator" } });
    expect(user.last().text).toContain(t("review.title").replace(/<\/?b>/g, ""));
    const other = expert(testBot, { id: 405, language_code: "en" });
    await onboard(other, "education", true);
    await answerOn(testBot, other, 405, "education", true, { stopBefore: "edu_role" });
    await other.press("Social educator");
    expect((await openResponse(testBot, 405, "education", true))?.currentQuestion).toBe("access_relevance");
  });
});

describe("a full total quota", () => {
  it("in stop mode thanks a newcomer before the first question and stores no response", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send("/quota_set healthcare total 1");
    await seedResponse(testBot, { questionnaire: "healthcare", respondentKey: "first" });
    const user = expert(testBot, { id: 406, language_code: "en" });

    await onboard(user, "healthcare", false);

    expect(user.last().text).toBe(
      "Thank you for your willingness to help! This wave of the questionnaire “Healthcare” already has all the experts it needs, so we will not ask you the questions. Nothing more is needed from you.",
    );
    expect(await openResponse(testBot, 406, "healthcare", false)).toBeUndefined();
    expect(
      await testBot.services.experts.find(respondentKey(testBot, 406, "healthcare", false)),
    ).toBeUndefined();
  });

  it("in warn mode only tells the newcomer, who starts with the first question", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send(
      "/quota_set healthcare total 1 warn",
    );
    await seedResponse(testBot, { questionnaire: "healthcare", respondentKey: "first" });
    const user = expert(testBot, { id: 407, language_code: "en" });

    await onboard(user, "healthcare", true);

    const chat = testBot.telegram.chat(407);
    expect(chat.at(-2)?.text).toBe(
      "Please note: this wave of the questionnaire “Healthcare” already has enough experts. Your answers are still welcome.",
    );
    expect(chat.at(-1)?.text).toContain("Healthcare · 1/");
  });

  it("lets an expert who already started in the wave carry on", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const user = expert(testBot, { id: 408, language_code: "en" });
    await onboard(user, "healthcare", true);
    await user.press("Shymkent");
    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send("/quota_set healthcare total 1");
    await seedResponse(testBot, { questionnaire: "healthcare", respondentKey: "first" });

    await user.press(t("buttons.back"));
    await user.press(t("buttons.back"));
    expect(user.labels()).toEqual([t("anonymity.anonymous"), t("anonymity.named")]);
    await user.press(t("anonymity.anonymous"));

    expect(user.last().text).toContain("Healthcare · 1/");
    expect(await openResponse(testBot, 408, "healthcare", true)).toBeDefined();
  });
});
