import { describe, expect, it } from "vitest";
import { seedSubmittedResponses } from "../support/stored-responses.ts";
import { createTestBot, expert } from "../support/test-bot.ts";

const COORDINATOR = 42;

describe("coordinators", () => {
  it("get a summary with pages and charts after picking questionnaire and wave", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await seedSubmittedResponses(testBot.services, 4);
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/summary");
    expect(coordinator.labels()).toEqual(["Education", "Healthcare"]);
    await coordinator.press("Education");
    expect(coordinator.labels()).toEqual(["Wave 1"]);
    await coordinator.press("Wave 1");
    const overview = coordinator.last();
    expect(overview.text).toContain("Respondents: Wave 1: 4");
    expect(overview.text).toContain("• Region: Shymkent 100.0%");
    await coordinator.press("▶️");
    const page = coordinator.last();
    expect(page.file?.subarray(1, 4).toString()).toBe("PNG");
    expect(page.text).toContain("Region");
    expect(page.text).toContain("Shymkent: 100.0% (4)");
    expect(coordinator.labels()).toEqual(["◀️", "2/22", "▶️"]);
  });

  it("shows the ranking with Kendall's W in words", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await seedSubmittedResponses(testBot.services, 3);
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/summary");
    await coordinator.press("Education");
    await coordinator.press("Wave 1");
    for (let page = 0; page < 9; page++) await coordinator.press("▶️");
    const ranking = coordinator.last();
    expect(ranking.text).toContain("Generalised ranking, wave 1");
    expect(ranking.text).toMatch(
      /Kendall's W = 1\.00, χ² = 18\.0, df = 6, p = 0\.0062: experts agree very strongly/,
    );
  });

  it("get the sample table with /sample", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await seedSubmittedResponses(testBot.services, 4);
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/sample");
    expect(coordinator.last().text).toContain("Education: 4 (100.0%)");
    expect(coordinator.last().text).toContain("Answered anonymously: 2 (50.0%)");
  });

  it("a stranger gets a polite refusal and no figure", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await seedSubmittedResponses(testBot.services, 4);
    const stranger = expert(testBot, { id: 5, language_code: "en" });
    for (const command of ["/summary", "/sample"]) {
      await stranger.send(command);
      expect(stranger.last().text).toBe("Sorry, this command is not available to you.");
    }
    expect(testBot.telegram.callsOf("sendPhoto")).toHaveLength(0);
  });
});
