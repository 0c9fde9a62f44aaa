import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningApplication, startApplication } from "../../src/app.ts";
import { readConfig } from "../../src/config.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { freePort } from "../support/free-port.ts";

const SECRET = "webhook-secret-123";
/** The guaranteed limit of a webhook request's body; Telegram's updates are a few kilobytes. */
const BODY_LIMIT = 1024 * 1024;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const COORDINATOR = { id: 4242, is_bot: false, first_name: "Dana", language_code: "en" };
const ATTACKER_CHAT = { id: 6666, type: "private" as const, first_name: "Mallory" };

let emulator: BotApiEmulator;
let dir: string;
let app: RunningApplication | undefined;

beforeEach(async () => {
  emulator = new BotApiEmulator();
  await emulator.start();
  dir = mkdtempSync(join(tmpdir(), "webhook-hardening-"));
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the bot by webhook at `http://<host>:<port>/telegram`; resolves once its start-up calls are done. */
async function startBot(env: Record<string, string> = {}): Promise<{ port: number; url: string }> {
  const port = await freePort();
  const url = `http://${env.WEBHOOK_HOST ?? "127.0.0.1"}:${port}/telegram`;
  const config = readConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_PATH: join(dir, "survey.db"),
    COORDINATOR_IDS: String(COORDINATOR.id),
    WEBHOOK_URL: url,
    PORT: String(port),
    ...env,
  });
  app = await startApplication(config, pino({ level: "silent" }));
  await emulator.waitForIdle();
  return { port, url };
}

let nextUpdateId = 1;
function command(text: string, chat: { id: number; type: "private"; first_name: string }): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: COORDINATOR,
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
    },
  };
}

/** A raw HTTP request: its status, or "reset" when the server closed the connection without one. */
function send(
  url: string,
  {
    method = "POST",
    headers = {},
    body = "",
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<number | "reset"> {
  return new Promise((resolve) => {
    const outgoing = request(url, { method, headers: { "content-type": "application/json", ...headers } });
    outgoing.once("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.once("error", () => resolve("reset"));
    outgoing.end(body);
  });
}

/**
 * The Bot API calls made while `action` ran and until the bot was idle again. The command menus, set in the
 * background after start, are left out: no update can cause them.
 */
async function callsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const before = emulator.calls.length;
  await action();
  await emulator.waitForIdle();
  return emulator.calls
    .slice(before)
    .filter((call) => call.method !== "setMyCommands")
    .map((call) => `${call.method} ${String(call.params.chat_id ?? "")}`);
}

describe("the webhook refuses forged requests before any handler runs", () => {
  it("without the secret, with a wrong one, to another path, by GET, too large or not JSON: no Bot API call", async () => {
    const { url } = await startBot({ WEBHOOK_SECRET: SECRET });
    const update = JSON.stringify(command("/sample", { ...ATTACKER_CHAT, id: COORDINATOR.id }));
    const signed = { [SECRET_HEADER]: SECRET };
    const statuses: Array<number | "reset"> = [];
    const calls = await callsDuring(async () => {
      statuses.push(await send(url, { body: update }));
      statuses.push(await send(url, { body: update, headers: { [SECRET_HEADER]: "guessed-secret" } }));
      statuses.push(await send(url.replace("/telegram", "/other"), { body: update, headers: signed }));
      statuses.push(await send(`${url}/deeper`, { body: update, headers: signed }));
      statuses.push(await send(url, { method: "GET", headers: signed }));
      const padded = `${update.slice(0, -1)},"padding":"${"x".repeat(BODY_LIMIT)}"}`;
      statuses.push(await send(url, { body: padded, headers: signed }));
      statuses.push(await send(url, { body: "{not json", headers: signed }));
    });
    expect(statuses).toEqual([401, 401, 404, 404, 405, 413, 400]);
    expect(calls).toEqual([]);

    // The control: the same update with the secret is the coordinator's own, and gets the sample table.
    const answered = await callsDuring(() => send(url, { body: update, headers: signed }));
    expect(answered).toEqual([`sendMessage ${COORDINATOR.id}`]);
  });

  it("a body larger than the limit without a declared length is cut off and reaches no handler", async () => {
    const { url } = await startBot({ WEBHOOK_SECRET: SECRET });
    const calls = await callsDuring(async () => {
      const status = await new Promise<number | "reset">((resolve) => {
        const outgoing = request(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "transfer-encoding": "chunked",
            [SECRET_HEADER]: SECRET,
          },
        });
        outgoing.once("response", (response) => resolve(response.statusCode ?? 0));
        outgoing.once("error", () => resolve("reset"));
        outgoing.write(
          JSON.stringify(command("/sample", { ...ATTACKER_CHAT, id: COORDINATOR.id })).slice(0, -1),
        );
        outgoing.end(`,"padding":"${"x".repeat(BODY_LIMIT)}"}`);
      });
      expect([413, "reset"]).toContain(status);
    });
    expect(calls).toEqual([]);
  });
});

describe("a coordinator's id in someone else's private chat", () => {
  it.each(["/sample", "/export", "/summary", "/wave_open education"])(
    "%s with the right secret sends nothing, to nobody",
    async (text) => {
      const { url } = await startBot({ WEBHOOK_SECRET: SECRET });
      const calls = await callsDuring(async () => {
        const status = await send(url, {
          body: JSON.stringify(command(text, ATTACKER_CHAT)),
          headers: { [SECRET_HEADER]: SECRET },
        });
        expect(status).toBe(200);
      });
      expect(calls).toEqual([]);
    },
  );
});

describe("without WEBHOOK_SECRET", () => {
  it("every start derives the same secret from the token, so instances agree: Telegram's requests carry it, others are refused", async () => {
    const secrets: string[] = [];
    for (const start of [1, 2]) {
      const { url } = await startBot();
      const setWebhook = emulator.calls.filter((call) => call.method === "setWebhook").at(-1);
      secrets.push(String(setWebhook?.params.secret_token));
      const expert = emulator.user({ id: 4000 + start, first_name: "Aigerim", language_code: "en" });
      await expert.act(() => expert.sendCommand("/start"));
      expect(expert.buttons().flat()).toContain("✅ English");
      const forged = JSON.stringify(command("/sample", { ...ATTACKER_CHAT, id: COORDINATOR.id }));
      expect(await callsDuring(() => send(url, { body: forged }))).toEqual([]);
      await app?.stop();
      app = undefined;
    }
    expect(secrets[0]).toMatch(/^[\w-]{32,}$/);
    expect(secrets[1]).toBe(secrets[0]);
    expect(secrets[0]).not.toContain(emulator.token.split(":")[1]);
  });
});

describe("the interface the webhook listens on", () => {
  it("is 127.0.0.1 by default: another address of the machine is not answered", async () => {
    const { port } = await startBot({ WEBHOOK_SECRET: SECRET });
    expect(await send(`http://127.0.0.2:${port}/telegram`, { body: "{}" })).toBe("reset");
    expect(await send(`http://127.0.0.1:${port}/telegram`, { body: "{}" })).toBe(401);
  });

  it("is WEBHOOK_HOST when set", async () => {
    const { port } = await startBot({ WEBHOOK_SECRET: SECRET, WEBHOOK_HOST: "127.0.0.2" });
    expect(await send(`http://127.0.0.1:${port}/telegram`, { body: "{}" })).toBe("reset");
    expect(await send(`http://127.0.0.2:${port}/telegram`, { body: "{}" })).toBe(401);
  });
});
