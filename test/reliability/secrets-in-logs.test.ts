import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBot } from "../../src/bot/create-bot.ts";
import { loadOrCreateKey } from "../../src/privacy/pseudonyms.ts";
import { redactToken } from "../../src/token-redaction.ts";
import { botInfo } from "../support/fake-telegram.ts";
import { studyText } from "../support/questionnaires.ts";
import { createTestBot, type TestBot } from "../support/test-bot.ts";
import { capturedLog } from "./captured-log.ts";
import { answerUntil, t } from "./expert-journey.ts";

const TOKEN = "7012345678:AAH3kq-Secret_Token-Value0123456789abc";
const SECRET = TOKEN.split(":")[1]!;
const COORDINATOR = { id: 42, first_name: "Dana", language_code: "en" };

type Fetch = (url: unknown, init?: { body?: unknown }) => Promise<Response>;

/** The real bot under the real-looking token, over the test bot's services, with its API calls going to `fetch`. */
function botWith(testBot: TestBot, fetch: Fetch) {
  return createBot(TOKEN, {
    services: testBot.services,
    botConfig: { botInfo, client: { fetch: fetch as never } },
    rateLimit: { limit: 1000, timeFrameMs: 1000 },
  });
}

const failure = (status: number, description: string) =>
  Response.json({ ok: false, error_code: status, description }, { status });

/** An API where every call fails the way `respond` says, given the URL (which holds the token). */
function failingApi(respond: (url: string) => Response | never): Fetch {
  return async (url) => respond(String(url));
}

/** Runs an update whose API calls are retried with back-off, moving the clock on until it is done. */
async function handleWithRetries(bot: ReturnType<typeof botWith>, update: Update): Promise<void> {
  vi.useFakeTimers({ toFake: ["setTimeout"] });
  let done = false;
  const handling = bot.handleUpdate(update).finally(() => {
    done = true;
  });
  while (!done) await vi.advanceTimersByTimeAsync(60_000);
  await handling;
}

describe("the bot token", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["401 naming the URL", (url: string) => failure(401, `Unauthorized: ${url}`)],
    [
      "500 naming the URL, after the retries",
      (url: string) => failure(500, `Internal Server Error at ${url}`),
    ],
    ["400 echoing the bare token", () => failure(400, `Bad Request: token ${TOKEN} rejected`)],
  ])("never reaches the log when the Bot API answers %s", async (_name, respond) => {
    const testBot = await createTestBot();
    const log = capturedLog("trace");
    testBot.services.logger = log.logger;
    const bot = botWith(testBot, failingApi(respond));
    await handleWithRetries(bot, testBot.telegram.textUpdate({ id: 501, language_code: "en" }, "/start"));
    expect(log.errors()).toHaveLength(1);
    expect(log.text()).not.toContain(SECRET);
  });

  it("never reaches the log when the network fails inside a coordinator's conversation", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR.id] });
    const log = capturedLog("trace");
    testBot.services.logger = log.logger;
    const bot = botWith(testBot, async (url) => {
      throw new TypeError(`fetch failed: connect ECONNREFUSED for ${String(url)}`);
    });
    await bot.handleUpdate(testBot.telegram.textUpdate(COORDINATOR, "/summary"));
    expect(log.errors()).toHaveLength(1);
    expect(log.text()).not.toContain(SECRET);
  });

  it("is not in the log while a dropped connection is retried until the expert gets the answer", async () => {
    const testBot = await createTestBot();
    const log = capturedLog("trace");
    testBot.services.logger = log.logger;
    let drops = 3;
    const bot = botWith(testBot, async (url, init) => {
      if (drops-- > 0) throw new TypeError(`fetch failed: socket hang up for ${String(url)}`);
      return testBot.telegram.fetch(url, init);
    });
    await handleWithRetries(bot, testBot.telegram.textUpdate({ id: 501, language_code: "en" }, "/start"));
    expect(testBot.telegram.callsOf("sendMessage")).toHaveLength(1);
    expect(log.text()).not.toContain(SECRET);
  });
});

describe("an error of the bot's API, printed whole as Node or a library would print it", () => {
  it("holds no token when the connection fails, in the message, the stack or the request's own error", async () => {
    const bot = botWith(await createTestBot(), async (url) => {
      throw new TypeError(`request to ${String(url)} failed, reason: socket hang up`);
    });
    const error = await bot.api.getUpdates().catch((thrown: unknown) => thrown);
    expect(inspect(error, { depth: 5 })).toContain(":<token>/getUpdates");
    expect(inspect(error, { depth: 5 })).not.toContain(SECRET);
  });

  it("holds no token when the Bot API's description echoes it", async () => {
    const bot = botWith(
      await createTestBot(),
      failingApi(() => failure(400, `Bad Request: token ${TOKEN} rejected`)),
    );
    const error = await bot.api.getUpdates().catch((thrown: unknown) => thrown);
    expect(inspect(error, { depth: 5 })).toContain("Bad Request: token");
    expect(inspect(error, { depth: 5 })).not.toContain(SECRET);
  });
});

describe("redactToken", () => {
  it("removes the secret part however the colon is written, and anything shaped like a token", () => {
    expect(redactToken(`GET /bot${TOKEN.replace(":", "%3A")}/getMe`, TOKEN)).toBe(
      "GET /bot7012345678%3A<token>/getMe",
    );
    expect(redactToken("see bot123:OtherSecret-value_1 there")).toBe("see bot<token> there");
  });

  it("leaves the words of a message alone when BOT_TOKEN is a few letters set by mistake", () => {
    expect(redactToken("BOT_TOKEN does not look like a token", "oken")).toBe(
      "BOT_TOKEN does not look like a token",
    );
  });
});

describe("an anonymous expert in the log", () => {
  const account = { id: 777_123_456, first_name: "Gulnara", username: "gulnara_expert", language_code: "en" };
  const typed = ["Secret Polyclinic No 7", "58"];

  it("leaves no name, username, id or answer even at trace level and with a failure logged", async () => {
    const testBot = await createTestBot();
    const log = capturedLog("trace");
    testBot.services.logger = log.logger;
    let failed = false;
    const bot = botWith(testBot, async (url, init) => {
      // One press is answered too late, as happens when the bot is slow, so that the log holds an error entry.
      if (!failed && String(url).endsWith("/answerCallbackQuery") && testBot.telegram.calls.length > 12) {
        failed = true;
        return failure(
          400,
          "Bad Request: query is too old and response timeout expired or query ID is invalid",
        );
      }
      return testBot.telegram.fetch(url, init);
    });
    const send = (text: string) => bot.handleUpdate(testBot.telegram.textUpdate(account, text));
    const press = (label: string | RegExp) => bot.handleUpdate(testBot.telegram.pressUpdate(account, label));
    await send("/start");
    await press(/English/);
    await press(t("consent.agree"));
    await press("Healthcare");
    await press(t("anonymity.anonymous"));
    await press(studyText(t, "choices.region.other"));
    await send(typed[0]!);
    await send(typed[1]!);
    await answerUntil({ ...testBot, bot }, account, "healthcare", true, null);
    await press(t("buttons.submit"));

    expect(
      await testBot.services.results.countSubmitted(
        (await testBot.services.waves.openWave("healthcare"))!.id,
      ),
    ).toBe(1);
    expect(log.errors()).toHaveLength(1);
    // Numbers pino adds itself (time, pid) and update ids could contain the typed number by chance.
    const text = JSON.stringify(log.entries().map(({ time, pid, updateId, ...rest }) => rest));
    for (const trace of [account.first_name, account.username, String(account.id), ...typed])
      expect(text, trace).not.toContain(trace);
  });
});

describe("the pseudonym key file", () => {
  it("is created readable by its owner only, and read back unchanged", () => {
    const path = join(mkdtempSync(join(tmpdir(), "key-")), "secrets", "pseudonym.key");
    const key = loadOrCreateKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateKey(path)).toBe(key);
  });
});
