import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningApplication, startApplication } from "../../src/app.ts";
import { readConfig } from "../../src/config.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { freePort } from "../support/free-port.ts";

const SECRET = "webhook-secret-123";

describe("webhook mode", () => {
  const running: { app?: RunningApplication; emulator?: BotApiEmulator } = {};
  afterEach(async () => {
    await running.app?.stop();
    await running.emulator?.close();
  });

  it("takes updates on Node's HTTP server with the secret token and answers them", async () => {
    const emulator = new BotApiEmulator();
    running.emulator = emulator;
    await emulator.start();
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "webhook-"));
    const config = readConfig({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: join(dir, "survey.db"),
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    running.app = await startApplication(config, pino({ level: "silent" }));
    expect(emulator.calls.some((call) => call.method === "getUpdates")).toBe(false);

    const expert = emulator.user({ id: 4001, first_name: "Dana", language_code: "en" });
    await expert.act(() => expert.sendCommand("/start"));
    expect(expert.buttons().flat()).toContain("✅ English");
    await expert.act(() => expert.pressButton("✅ English"));
    expect(expert.lastMessage()?.text).toContain("Expert survey");
    // The press is answered in the webhook's reply, not by a request of its own.
    expect(expert.callbackAnswers()).toMatchObject([{ text: "Language: English" }]);
    const answers = emulator.calls.filter((call) => call.method === "answerCallbackQuery");
    expect(answers.map((call) => call.via)).toEqual(["webhook reply"]);
    expect(emulator.calls.filter((call) => call.via === "request").map((call) => call.method)).toContain(
      "editMessageText",
    );

    const forged = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        update_id: 99,
        message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "/start" },
      }),
    });
    expect(forged.status).toBe(401);
  });
});
