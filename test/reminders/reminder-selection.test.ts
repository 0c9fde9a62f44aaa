import { describe, expect, it } from "vitest";
import { dueReminders, REMINDER_AFTER_MS } from "../../src/reminders/reminder-selection.ts";

const now = new Date("2026-03-02T12:00:00Z");
const dayAgo = new Date(now.getTime() - REMINDER_AFTER_MS);
const draft = { updatedAt: dayAgo, remindedAt: null, submittedAt: null, remindersEnabled: true };

describe("choosing whom to remind", () => {
  it("picks an unfinished response untouched for 24 hours", () => {
    expect(dueReminders([draft], now)).toEqual([draft]);
  });

  it.each([
    ["answered less than 24 hours ago", { updatedAt: new Date(dayAgo.getTime() + 1) }],
    ["already reminded once", { remindedAt: now }],
    ["submitted", { submittedAt: dayAgo }],
    ["who turned reminders off", { remindersEnabled: false }],
  ])("leaves out an expert %s", (_why, change) => {
    expect(dueReminders([{ ...draft, ...change }], now)).toEqual([]);
  });
});
