import { sequentialize } from "@grammyjs/runner";
import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { sequentialKeys } from "../../src/delivery.ts";

/** A context with just what the keys read: the chat and the sender. */
function updateFrom(user: number | undefined, chat: number | undefined): Context {
  return { chatId: chat, from: user === undefined ? undefined : { id: user } } as unknown as Context;
}

/** Runs two updates through the sequentializer; returns the order their handling started and ended. */
async function handleTwo(first: Context, second: Context): Promise<string[]> {
  const middleware = sequentialize(sequentialKeys);
  const events: string[] = [];
  const handle = (name: string, ctx: Context) =>
    middleware(ctx, async () => {
      events.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`${name} ends`);
    });
  await Promise.all([handle("first", first), handle("second", second)]);
  return events;
}

describe("the keys updates wait for each other on", () => {
  it("are the chat and the sender", () => {
    expect(sequentialKeys(updateFrom(7, -100))).toEqual(["-100", "7"]);
    expect(sequentialKeys(updateFrom(undefined, -100))).toEqual(["-100"]);
  });

  it("make one person's updates from two chats wait for each other", async () => {
    expect(await handleTwo(updateFrom(7, 7), updateFrom(7, -100))).toEqual([
      "first starts",
      "first ends",
      "second starts",
      "second ends",
    ]);
  });

  it("let two people in one group wait for each other, and two private chats run side by side", async () => {
    expect(await handleTwo(updateFrom(7, -100), updateFrom(8, -100))).toEqual([
      "first starts",
      "first ends",
      "second starts",
      "second ends",
    ]);
    expect(await handleTwo(updateFrom(7, 7), updateFrom(8, 8))).toEqual([
      "first starts",
      "second starts",
      "first ends",
      "second ends",
    ]);
  });
});
