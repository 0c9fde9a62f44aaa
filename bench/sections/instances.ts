import pg from "pg";
import { WebhookBalancer } from "../../test/e2e/webhook-balancer.ts";
import { freePort } from "../../test/support/free-port.ts";
import { startPostgresServer } from "../../test/support/postgres-server.ts";
import { temporaryDirectory } from "../bot-process.ts";
import {
  anonymousEducationMoves,
  answersCompleted,
  type BotFigures,
  type BotUnderLoad,
  countStored,
  figuresOf,
  type Phase,
  underLoad,
} from "./many-experts.ts";

export interface InstancesOptions {
  experts: number;
  /** Wall time allowed for each run's closed loop. */
  budgetMs: number;
  botScript: string;
}

/** One engine and number of instances under the same closed loop. */
export interface InstancesRun {
  label: string;
  figures: BotFigures;
  expertsFinished: number;
  expertsCutByTime: number;
  answers: { given: number; stored: number };
  /** Most connections the instances held to PostgreSQL at once, sampled every 100 ms; none on SQLite. */
  peakConnections?: number;
}

export interface InstancesResult {
  experts: number;
  updatesPerExpert: number;
  runs: InstancesRun[];
}

const FIRST_EXPERT_ID = 500_000;

/**
 * The same closed loop (N experts answering the education questionnaire anonymously, each update as soon as
 * the bot is done with the last) by webhook against: one instance on SQLite, one on PostgreSQL, and two on one
 * PostgreSQL database behind a round-robin balancer, with their default connections and with 20 each. The
 * PostgreSQL server is a throwaway cluster started here; everything (emulator, balancer, instances, server)
 * shares this machine's cores.
 */
export async function instances(options: InstancesOptions): Promise<InstancesResult> {
  const { moves, answerEnds } = anonymousEducationMoves();
  const phase: Phase = {
    firstUserId: FIRST_EXPERT_ID,
    experts: options.experts,
    movesOf: () => moves,
    budgetMs: options.budgetMs,
  };
  const server = await startPostgresServer();
  const directory = temporaryDirectory("instances");
  try {
    const run = async (
      label: string,
      database: { path: string } | { url: string },
      ports: number[],
      settings: Record<string, string> = {},
    ): Promise<InstancesRun> => {
      const balancer = ports.length > 1 ? new WebhookBalancer({ upstreamPorts: ports }) : undefined;
      try {
        const url = balancer ? await balancer.start() : `http://127.0.0.1:${ports[0]}/telegram`;
        const bot: BotUnderLoad = {
          script: options.botScript,
          databasePath: "path" in database ? database.path : `${directory.path}/unused.db`,
          env: {
            WEBHOOK_URL: url,
            ...("url" in database ? { DATABASE_URL: database.url } : {}),
            ...settings,
          },
          instances: ports.map((port) => ({ PORT: String(port) })),
          finalMethod: { message: "sendMessage", callback: "answerCallbackQuery" },
          pressMustChangeScreen: true,
        };
        const sampler = "url" in database ? connectionSampler(server.url, database.url) : undefined;
        const outcome = await underLoad(bot, [phase]).finally(() => sampler?.stop());
        const peakConnections = await sampler?.peak;
        const loop = outcome.loops[0]!;
        return {
          label,
          figures: figuresOf(outcome),
          expertsFinished: loop.finished,
          expertsCutByTime: loop.cutByTime,
          answers: {
            given: answersCompleted(outcome.loops, answerEnds),
            stored:
              "url" in database ? await storedOnPostgres(database.url) : countStored(database.path).answers,
          },
          ...(peakConnections === undefined ? {} : { peakConnections }),
        };
      } finally {
        await balancer?.close();
      }
    };
    const runs = [
      await run("SQLite, 1 instance", { path: `${directory.path}/survey.db` }, [await freePort()]),
      await run("PostgreSQL, 1 instance", { url: await createDatabase(server.url, "one") }, [
        await freePort(),
      ]),
      await run("PostgreSQL, 2 instances + balancer", { url: await createDatabase(server.url, "two") }, [
        await freePort(),
        await freePort(),
      ]),
      await run(
        "PostgreSQL, 2 instances of 20 connections + balancer",
        { url: await createDatabase(server.url, "two_small") },
        [await freePort(), await freePort()],
        { DATABASE_CONNECTIONS: "20" },
      ),
    ];
    return { experts: options.experts, updatesPerExpert: moves.length, runs };
  } finally {
    directory.dispose();
    await server.stop();
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  await withClient(clusterUrl, (client) => client.query(`create database bench_${name}`));
  const url = new URL(clusterUrl);
  url.pathname = `/bench_${name}`;
  return url.toString();
}

async function storedOnPostgres(url: string): Promise<number> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ n: number }>(
      "select count(*)::int as n from answers a join responses r on r.id = a.response_id where r.questionnaire = 'education'",
    ),
  );
  return rows[0]?.n ?? 0;
}

const SAMPLE_EVERY_MS = 100;

/**
 * Counts, until stopped, the connections to the database at `url` from the cluster's own database: the pools
 * open connections as updates need them, so the peak is what the instances really hold.
 */
function connectionSampler(clusterUrl: string, url: string): { stop(): void; peak: Promise<number> } {
  const database = new URL(url).pathname.slice(1);
  let stopped = false;
  const peak = withClient(clusterUrl, async (client) => {
    let most = 0;
    while (!stopped) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [database],
      );
      most = Math.max(most, rows[0]?.n ?? 0);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
    return most;
  });
  return {
    stop: () => {
      stopped = true;
    },
    peak,
  };
}
