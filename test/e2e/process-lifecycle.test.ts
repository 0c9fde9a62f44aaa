import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { BotProcess } from "./bot-process.ts";

let emulator: BotApiEmulator;
let dataDir: string;
let bot: BotProcess | undefined;

beforeEach(async () => {
  emulator = new BotApiEmulator({ botUsername: "expert_survey_bot" });
  await emulator.start();
  dataDir = mkdtempSync(join(tmpdir(), "survey-e2e-life-"));
  onTestFailed(() => console.error(`Bot log:\n${bot?.output() ?? "(not started)"}`));
});

afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the bot process, as npm start runs it", () => {
  it("stops on SIGTERM with exit code 0, having logged its start and stop and no error", async () => {
    bot = new BotProcess({ emulator, dataDir });
    await bot.start();
    const expert = emulator.user({ id: 730_001, first_name: "Dana", language_code: "en" });
    await expert.act(() => expert.sendCommand("/start"));

    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(bot.isRunning).toBe(false);
    expect(bot.logs().map((record) => record.msg)).toEqual(["bot started", "bot stopped"]);
    expect(bot.stderr()).toBe("");
  });

  it("refuses, in one line, a pseudonym key other than the one the database was created with", async () => {
    bot = new BotProcess({ emulator, dataDir, env: { PSEUDONYM_KEY: "k".repeat(40) } });
    await bot.start();
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    bot = new BotProcess({ emulator, dataDir, env: { PSEUDONYM_KEY: "m".repeat(40) } });
    expect(await bot.runToExit()).toEqual({ code: 1, signal: null });
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^the pseudonym key .* is not the one this database was created with/);
  });

  it("refuses to start without BOT_TOKEN, in one line that says where to get one", async () => {
    bot = new BotProcess({ emulator, dataDir, env: { BOT_TOKEN: undefined } });
    const exit = await bot.runToExit();
    expect(exit).toEqual({ code: 1, signal: null });
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("@BotFather");
    expect(emulator.calls).toEqual([]);
  });

  it("stops at start with one clear line when Telegram refuses the token", async () => {
    bot = new BotProcess({ emulator, dataDir, env: { BOT_TOKEN: "123456:wrong-token" } });
    expect(await bot.runToExit()).toEqual({ code: 1, signal: null });
    expect(bot.stderr().trim()).toBe("BOT_TOKEN was refused by Telegram: check it with @BotFather");
  });

  it("stops at start with one clear line when the Bot API cannot be reached", async () => {
    bot = new BotProcess({ emulator, dataDir, env: { TELEGRAM_API_ROOT: "http://127.0.0.1:9" } });
    expect(await bot.runToExit()).toEqual({ code: 1, signal: null });
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toEqual([
      "cannot reach the Telegram Bot API at http://127.0.0.1:9 (Network request for 'getMe' failed!)",
    ]);
  });
});
