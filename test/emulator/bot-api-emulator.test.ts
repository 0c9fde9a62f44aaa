import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, Keyboard, webhookCallback } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "./bot-api-emulator.ts";

let emulator: BotApiEmulator;
let bots: Bot[] = [];
let botErrors: unknown[] = [];

beforeEach(async () => {
  emulator = new BotApiEmulator({ botUsername: "survey_test_bot" });
  await emulator.start();
});

afterEach(async () => {
  for (const bot of bots) if (bot.isRunning()) await bot.stop();
  bots = [];
  await emulator.close();
  expect(emulator.internalErrors).toEqual([]);
  expect(botErrors).toEqual([]);
  botErrors = [];
});

function newBot(token = emulator.token): Bot {
  const bot = new Bot(token, { client: { apiRoot: emulator.apiRoot } });
  bots.push(bot);
  return bot;
}

function startPolling(bot: Bot): void {
  bot.start({ drop_pending_updates: false }).catch((error: unknown) => botErrors.push(error));
}

async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe("messages", () => {
  it("round-trips text, commands with payloads and message ids", async () => {
    const bot = newBot();
    bot.command("start", (ctx) => ctx.reply(`payload=${ctx.match}`));
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    startPolling(bot);
    const aida = emulator.user({ id: 1001, first_name: "Aida", language_code: "kk" });
    expect(emulator.user({ id: 1001, first_name: "Other" })).toBe(aida);

    await aida.act(() => aida.sendCommand("/start ref_42"));
    await aida.act(() => aida.sendText("hello"));

    expect(aida.messages().map((m) => [m.message_id, m.text])).toEqual([
      [2, "payload=ref_42"],
      [4, "echo: hello"],
    ]);
    expect(aida.lastMessage()?.raw.chat.id).toBe(1001);
    expect(emulator.pendingUpdates()).toBe(0);
  });

  it("presses inline buttons, answers the callback and edits in place", async () => {
    const bot = newBot();
    bot.command("ask", (ctx) =>
      ctx.reply("Continue?", {
        reply_markup: new InlineKeyboard().text("Yes", "ans:yes").text("No, later", "ans:no"),
      }),
    );
    bot.callbackQuery(/^ans:/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Saved" });
      await ctx.editMessageText(`You chose ${ctx.callbackQuery.data}`);
    });
    startPolling(bot);
    const user = emulator.user({ id: 7, first_name: "Bek" });

    await user.act(() => user.sendCommand("ask"));
    expect(user.buttons()).toEqual([["Yes", "No, later"]]);
    expect(user.lastMessage()?.callbackData).toEqual([["ans:yes", "ans:no"]]);
    await user.act(() => user.pressButton("later"));

    const [message] = user.messages();
    expect(user.messages()).toHaveLength(1);
    expect(message).toMatchObject({ text: "You chose ans:no", edits: 1, buttons: [], deleted: false });
    expect(user.callbackAnswers()).toMatchObject([{ text: "Saved", show_alert: false, data: "ans:no" }]);
    expect(() => user.pressButton("Yes")).toThrow(/no matching button.*\n {2}\(none\)/);
  });

  it("rejects what Telegram rejects", async () => {
    const bot = newBot();
    const user = emulator.user({ id: 5, first_name: "Dana" });
    const sent = await bot.api.sendMessage(user.id, "same", {
      reply_markup: new InlineKeyboard().text("A", "a"),
    });

    const cases: [Promise<unknown>, string][] = [
      [bot.api.sendMessage(user.id, ""), "Bad Request: message text is empty"],
      [bot.api.sendMessage(user.id, "x".repeat(4097)), "Bad Request: message is too long"],
      [
        bot.api.sendMessage(user.id, "big", { reply_markup: new InlineKeyboard().text("A", "é".repeat(33)) }),
        "Bad Request: BUTTON_DATA_INVALID",
      ],
      [
        bot.api.editMessageText(user.id, sent.message_id, "same", {
          reply_markup: new InlineKeyboard().text("A", "a"),
        }),
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      ],
      [bot.api.editMessageText(user.id, 999, "x"), "Bad Request: message to edit not found"],
      [bot.api.deleteMessage(user.id, 999), "Bad Request: message to delete not found"],
      [
        bot.api.answerCallbackQuery("123"),
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
      ],
      [bot.api.sendMessage(424242, "hi"), "Bad Request: chat not found"],
      [
        bot.api.sendMessage(user.id, "a <br> b", { parse_mode: "HTML" }),
        'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 2',
      ],
    ];
    for (const [promise, description] of cases) {
      const error = await apiError(promise);
      expect(error.description).toBe(description);
      expect(error.error_code).toBe(400);
    }

    // Without reply_markup, an edit removes the keyboard, so it is a modification.
    await bot.api.editMessageText(user.id, sent.message_id, "same");
    expect(user.lastMessage()).toMatchObject({ buttons: [], edits: 1 });

    const html = '<b>bold</b> &amp; <a href="https://example.com/?a=1&b=>">co</a>';
    await bot.api.sendMessage(user.id, html, { parse_mode: "HTML" });
    expect(user.lastMessage()).toMatchObject({ text: "bold & co", html });

    await bot.api.sendMessage(user.id, "Pick", {
      reply_markup: new Keyboard().text("Kazakh").text("Russian"),
    });
    expect(user.replyKeyboard()).toEqual([["Kazakh", "Russian"]]);
    await bot.api.sendMessage(user.id, "Ok", { reply_markup: { remove_keyboard: true } });
    expect(user.replyKeyboard()).toBeUndefined();

    emulator.blockUser(user.id);
    const blocked = await apiError(bot.api.sendMessage(user.id, "still there?"));
    expect([blocked.error_code, blocked.description]).toEqual([
      403,
      "Forbidden: bot was blocked by the user",
    ]);

    const wrongToken = await apiError(newBot("1:wrong").api.getMe());
    expect([wrongToken.error_code, wrongToken.description]).toEqual([401, "Unauthorized"]);
    const unknown = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendTelepathy`, { method: "POST" });
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { ok: false, error_code: 404, description: "Not Found: method not found" },
    ]);
  });

  it("produces realistic user-side updates", async () => {
    const bot = newBot();
    const user = emulator.user({ id: 11, first_name: "Erlan", username: "erlan" });
    const friend = emulator.user({ id: 12, first_name: "Friend" });
    await bot.api.sendMessage(user.id, "Q1", { reply_markup: new InlineKeyboard().text("Go", "go") });

    user.sendText("/start@survey_test_bot abc");
    user.forwardText("forwarded", friend);
    user.sendSticker();
    user.editLastText("forwarded, edited");
    const query = user.pressButton(/^G/);
    user.pressCallbackData("stale:1", 999);

    const updates = await bot.api.getUpdates({ timeout: 0 });
    expect(updates.map((u) => u.update_id)).toEqual([1, 2, 3, 4, 5, 6]);
    const [command, forward, sticker, edited, press, stale] = updates;
    expect(command?.message).toMatchObject({
      message_id: 2,
      from: { id: 11, is_bot: false, username: "erlan" },
      chat: { id: 11, type: "private" },
      entities: [{ type: "bot_command", offset: 0, length: 22 }],
    });
    expect(forward?.message?.forward_origin).toMatchObject({ type: "user", sender_user: { id: 12 } });
    expect(sticker?.message?.sticker?.type).toBe("regular");
    expect(edited?.edited_message).toMatchObject({ message_id: 3, text: "forwarded, edited" });
    expect(press?.callback_query).toMatchObject({
      id: query.id,
      data: "go",
      message: { message_id: 1, text: "Q1" },
    });
    expect(stale?.callback_query?.message).toMatchObject({ message_id: 999, date: 0 });
    expect(new Set(updates.map((u) => u.callback_query?.chat_instance).filter(Boolean)).size).toBe(1);
  });

  it("serves group chats with several members", async () => {
    const bot = newBot();
    bot.command("start", (ctx) => ctx.reply(`hi ${ctx.from?.first_name} in ${ctx.chat.type}`));
    startPolling(bot);
    const group = emulator.group({ id: -100200, title: "Experts" });
    const alice = group.as({ id: 21, first_name: "Alice" });

    await group.act(() => alice.sendText("/start@survey_test_bot"));
    expect(group.lastMessage()?.text).toBe("hi Alice in group");
    expect(alice.messages()).toEqual(group.messages());
  });
});

describe("update delivery", () => {
  it("answers a long poll as soon as an update is queued", async () => {
    const bot = newBot();
    const user = emulator.user({ id: 31, first_name: "Gulnar" });
    const startedAt = Date.now();
    setTimeout(() => user.sendText("ping"), 50);

    const updates = await bot.api.getUpdates({ timeout: 20 });

    expect(updates.map((u) => u.message?.text)).toEqual(["ping"]);
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it("returns [] when the timeout expires, and at once on close()", async () => {
    const bot = newBot();
    const startedAt = Date.now();
    expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);

    const pending = bot.api.getUpdates({ timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closingAt = Date.now();
    await emulator.close();
    expect(await pending).toEqual([]);
    expect(Date.now() - closingAt).toBeLessThan(500);
  });

  it("redelivers unconfirmed updates to a new bot instance", async () => {
    const user = emulator.user({ id: 41, first_name: "Ilyas" });
    user.sendText("first");
    const crashed = newBot();
    const seen = await crashed.api.getUpdates({ timeout: 0 });
    expect(await crashed.api.getUpdates({ timeout: 0 })).toEqual(seen);

    const bot = newBot();
    bot.on("message:text", (ctx) => ctx.reply(`got ${ctx.message.text} #${ctx.update.update_id}`));
    startPolling(bot);

    await user.waitFor((u) => u.lastMessage()?.text === `got first #${seen[0]?.update_id}`);
    await emulator.waitForIdle();
    expect(emulator.pendingUpdates()).toBe(0);
  });

  it("delivers to a webhook with the secret token and retries after a failure", async () => {
    const bot = newBot();
    bot.on("message:text", (ctx) => ctx.reply(`hooked: ${ctx.message.text}`));
    const handle = webhookCallback(bot, "http", { secretToken: "s3cret_token" });
    const secrets: (string | string[] | undefined)[] = [];
    let failuresLeft = 1;
    const server = createServer((req: IncomingMessage, res) => {
      secrets.push(req.headers["x-telegram-bot-api-secret-token"]);
      if (failuresLeft-- > 0) {
        req.resume();
        res.writeHead(500).end();
        return;
      }
      handle(req, res).catch((error: unknown) => botErrors.push(error));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await bot.api.setWebhook(url, { secret_token: "s3cret_token" });
      const user = emulator.user({ id: 51, first_name: "Zhanna" });

      await user.act(() => user.sendText("hello"));

      expect(user.lastMessage()?.text).toBe("hooked: hello");
      expect(secrets).toEqual(["s3cret_token", "s3cret_token"]);
      const info = await bot.api.getWebhookInfo();
      expect(info).toMatchObject({ url, pending_update_count: 0 });
      expect(info.last_error_message).toBe("Wrong response from the webhook: 500 Internal Server Error");
      const conflict = await apiError(bot.api.getUpdates());
      expect(conflict.error_code).toBe(409);
    } finally {
      await emulator.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("keeps up with many users under @grammyjs/runner", async () => {
    const bot = newBot();
    bot.on("message:text", (ctx) => ctx.reply(`ok ${ctx.from.id}`));
    const runner = run(bot);
    try {
      const users = Array.from({ length: 200 }, (_, i) =>
        emulator.user({ id: 10_000 + i, first_name: `U${i}` }),
      );
      await Promise.all(users.map((user) => user.act(() => user.sendText("hi"))));
      for (const user of users) expect(user.lastMessage()?.text).toBe(`ok ${user.id}`);
    } finally {
      await runner.stop();
    }
  });
});

describe("faults", () => {
  it("recovers from a 429 with auto-retry, delivering the message once", async () => {
    const bot = newBot();
    bot.api.config.use(autoRetry());
    bot.on("message:text", (ctx) => ctx.reply("answer"));
    startPolling(bot);
    const user = emulator.user({ id: 61, first_name: "Kairat" });
    emulator.faults.add({ method: "sendMessage", status: 429, retryAfter: 1 }, { times: 1 });

    await user.act(() => user.sendText("question"));

    expect(user.messages().map((m) => m.text)).toEqual(["answer"]);
    const sends = emulator.calls.filter((call) => call.method === "sendMessage");
    expect(sends.map((call) => call.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("injects 429 parameters, 500s and dropped sockets", async () => {
    const bot = newBot();
    const user = emulator.user({ id: 62, first_name: "Lazzat" });
    emulator.faults.add({ status: 429, retryAfter: 7 }, { times: 1 });
    emulator.faults.add({ method: "sendMessage", status: 500 }, { times: 1 });
    emulator.faults.add({ method: "sendMessage", drop: true }, { times: 1 });

    const limited = await apiError(bot.api.getMe());
    expect([limited.error_code, limited.parameters.retry_after]).toEqual([429, 7]);
    expect((await apiError(bot.api.sendMessage(user.id, "a"))).error_code).toBe(500);
    await expect(bot.api.sendMessage(user.id, "b")).rejects.toBeInstanceOf(HttpError);
    await bot.api.sendMessage(user.id, "c");

    expect(user.messages().map((m) => m.text)).toEqual(["c"]);
    expect(emulator.faults.pending).toBe(0);
  });

  it("emulates flood limits when asked to", async () => {
    let clock = 1_000_000;
    const limited = new BotApiEmulator({ floodLimits: { perChatPerSecond: 1 }, now: () => clock });
    await limited.start();
    try {
      const bot = new Bot(limited.token, { client: { apiRoot: limited.apiRoot } });
      const [a, b] = [limited.user({ id: 1, first_name: "A" }), limited.user({ id: 2, first_name: "B" })];
      await bot.api.sendMessage(a.id, "1");
      await bot.api.sendMessage(b.id, "1");
      const refused = await apiError(bot.api.sendMessage(a.id, "2"));
      expect([refused.error_code, refused.parameters.retry_after]).toEqual([429, 1]);
      clock += 1000;
      await bot.api.sendMessage(a.id, "2");
      expect(a.messages().map((m) => m.text)).toEqual(["1", "2"]);
    } finally {
      await limited.close();
    }
  });

  it("reports act() timeouts with the chat's recent messages", async () => {
    const bot = newBot();
    const user = emulator.user({ id: 63, first_name: "Madi" });
    await bot.api.sendMessage(user.id, "Earlier question");

    await expect(user.act(() => user.sendText("anyone?"), { timeoutMs: 150 })).rejects.toThrow(
      /timed out after 150 ms.*delivered=false.*Is the bot running\?\nLast bot messages:\n {2}#1: "Earlier question"/s,
    );
  });
});

describe("files and settings", () => {
  it("stores uploaded documents and photos with their bytes", async () => {
    const bot = newBot();
    const user = emulator.user({ id: 71, first_name: "Nurlan" });
    const csv = Buffer.from("id;answer\n1;да\n");
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

    await bot.api.sendDocument(user.id, new InputFile(csv, "отчёт 2024; final.csv"), {
      caption: "<b>Report</b>",
      parse_mode: "HTML",
    });
    await bot.api.sendPhoto(user.id, new InputFile(photo), { caption: "Chart" });
    await bot.api.sendMediaGroup(user.id, [
      { type: "document", media: new InputFile(Buffer.from("a"), "a.txt") },
      { type: "document", media: new InputFile(Buffer.from("b"), "b.txt"), caption: "both" },
    ]);

    const [document, picture, first, second] = user.messages();
    expect(document?.document).toEqual({
      fileName: "отчёт 2024; final.csv",
      mimeType: "text/csv",
      bytes: csv,
      caption: "Report",
    });
    expect(document?.html).toBe("<b>Report</b>");
    expect(picture).toMatchObject({ photo, caption: "Chart", text: "Chart" });
    expect([first?.document?.bytes.toString(), second?.document?.caption]).toEqual(["a", "both"]);
    expect(first?.raw.media_group_id).toBe(second?.raw.media_group_id);

    // A stored file_id can be sent again without uploading.
    const fileId = document?.raw.document?.file_id ?? "";
    await bot.api.sendDocument(user.id, fileId);
    expect(user.lastMessage()?.document?.bytes).toEqual(csv);
  });

  it("lets the bot download a user's document via getFile", async () => {
    const bot = newBot();
    bot.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
      await ctx.reply(`${ctx.message.document.file_name}: ${await response.text()}`);
    });
    startPolling(bot);
    const user = emulator.user({ id: 81, first_name: "Olzhas" });

    await user.act(() =>
      user.sendDocument({ fileName: "answers.csv", mimeType: "text/csv", bytes: "q1,q2" }),
    );

    expect(user.lastMessage()?.text).toBe("answers.csv: q1,q2");
  });

  it("keeps commands per scope and language", async () => {
    const bot = newBot();
    await bot.api.setMyCommands([{ command: "start", description: "Start" }]);
    await bot.api.setMyCommands([{ command: "start", description: "Бастау" }], { language_code: "kk" });
    await bot.api.setMyCommands([{ command: "stats", description: "Stats" }], {
      scope: { type: "chat", chat_id: 5 },
    });

    expect(emulator.commands()).toEqual([{ command: "start", description: "Start" }]);
    expect(emulator.commands(undefined, "kk")).toEqual([{ command: "start", description: "Бастау" }]);
    expect(await bot.api.getMyCommands({ language_code: "ru" })).toEqual([]);
    expect(await bot.api.getMyCommands({ scope: { type: "chat", chat_id: 5 } })).toEqual([
      { command: "stats", description: "Stats" },
    ]);
    await bot.api.deleteMyCommands({ language_code: "kk" });
    expect(emulator.commands(undefined, "kk")).toEqual([]);
    const invalid = await apiError(bot.api.setMyCommands([{ command: "Bad Command", description: "x" }]));
    expect(invalid.description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });

  it("bounds the call log", async () => {
    const small = new BotApiEmulator({ maxCallLog: 3 });
    await small.start();
    try {
      const bot = new Bot(small.token, { client: { apiRoot: small.apiRoot } });
      for (const description of ["a", "b", "c", "d", "e"]) await bot.api.setMyDescription(description);
      expect(small.calls.map((call) => call.params.description)).toEqual(["c", "d", "e"]);
    } finally {
      await small.close();
    }
  });
});
