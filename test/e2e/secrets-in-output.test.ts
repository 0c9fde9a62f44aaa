import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { freePort } from "../support/free-port.ts";
import { BotProcess } from "./bot-process.ts";
import { disposeHarness, type Harness, startHarness } from "./harness.ts";

const WEBHOOK_SECRET = "webhook-secret-never-printed-42";

let harness: Harness;
let secret: string;

beforeEach(async () => {
  harness = await startHarness("secrets");
  secret = harness.emulator.token.split(":")[1]!;
  onTestFailed(() => console.error(`Bot output:\n${harness.bot.output()}`));
});

afterEach(async () => {
  await disposeHarness(harness);
});

/** The harness's bot process, with these changes to its environment (disposed with the harness). */
function withEnv(env: Record<string, string>): BotProcess {
  harness.bot = new BotProcess({ emulator: harness.emulator, dataDir: harness.dataDir, env });
  return harness.bot;
}

/** Lines of the process's stdout and stderr that are not a record of the structured log. */
function unstructuredLines(output: string): string[] {
  return output.split("\n").filter((line) => line !== "" && !isLogRecord(line));
}

function isLogRecord(line: string): boolean {
  try {
    return typeof (JSON.parse(line) as { level?: unknown }).level === "number";
  } catch {
    return false;
  }
}

describe("the token in everything the bot process prints", () => {
  it("a Bot API that resets connections, then answers 500, then recovers: no token, every failure logged", async () => {
    const { emulator, bot } = harness;
    await bot.start();
    emulator.faults.add({ method: "getUpdates", drop: true }, { times: 2 });
    emulator.faults.add({ method: "getUpdates", status: 500 }, { times: 2 });
    emulator.faults.add({ method: "sendMessage", drop: true }, { times: 1 });
    const expert = emulator.user({ id: 740_001, first_name: "Dana", language_code: "en" });
    await expert.act(() => expert.sendCommand("/start"), { timeoutMs: 10_000 });
    // The first reply was lost with its connection; it is sent again after a pause.
    await expert.waitFor((chat) => chat.buttons().flat().includes("✅ English"), 10_000);
    expect(emulator.faults.pending).toBe(0);
    await bot.stop();

    const output = bot.output();
    expect(output).not.toContain(secret);
    expect(unstructuredLines(output)).toEqual([]);
    const failures = bot.logs().filter((record) => record.msg === "getUpdates failed, polling again");
    expect(failures).toHaveLength(4);
  });

  it("a setWebhook whose connection is reset stops the start with one line, at once", async () => {
    const { emulator } = harness;
    const port = await freePort();
    emulator.faults.add({ method: "setWebhook", drop: true }, { times: 1 });
    const running = withEnv({ WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`, PORT: String(port) });
    expect(await running.runToExit()).toEqual({ code: 1, signal: null });
    expect(running.output()).not.toContain(secret);
    expect(running.stderr().trim().split("\n")).toEqual([
      `cannot set the webhook http://127.0.0.1:${port}/telegram (Network request for 'setWebhook' failed!)`,
    ]);
  });

  it("a setWebhook that Telegram answers with an error stops the start with one line and no secret", async () => {
    const { emulator } = harness;
    const port = await freePort();
    emulator.faults.add({ method: "setWebhook", status: 500 }, { times: 1 });
    const running = withEnv({
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET,
      PORT: String(port),
    });
    expect(await running.runToExit()).toEqual({ code: 1, signal: null });
    const output = running.output();
    expect(output).not.toContain(secret);
    expect(output).not.toContain(WEBHOOK_SECRET);
    expect(running.stderr().trim().split("\n")).toEqual([
      `cannot set the webhook http://127.0.0.1:${port}/telegram (Call to 'setWebhook' failed! (500: Internal Server Error))`,
    ]);
  });
});

describe("the token in everything the CLI prints", () => {
  it("an unexpected error ends the CLI with one line, exit code 1 and no token", async () => {
    const blocker = join(harness.dataDir, "not-a-folder");
    writeFileSync(blocker, "");
    const token = harness.emulator.token;
    // A database path that cannot be created, and that names the token, as a misplaced variable would.
    const failed = await promisify(execFile)(process.execPath, ["dist/cli/main.js", "summary", "education"], {
      env: {
        PATH: process.env.PATH,
        BOT_TOKEN: token,
        DATABASE_PATH: join(blocker, `bot${token}`, "survey.db"),
      },
    }).then(
      () => ({ code: 0, stdout: "", stderr: "" }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout + failed.stderr).not.toContain(secret);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed.stderr).toContain("<token>");
  });
});
