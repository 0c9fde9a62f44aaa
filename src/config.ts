import { dirname, join } from "node:path";
import { z } from "zod";

const idList = z
  .string()
  .default("")
  .transform((value, context) => {
    const ids = value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = ids.find((id) => !/^-?\d+$/.test(id));
    if (bad) context.addIssue({ code: "custom", message: `"${bad}" is not a Telegram id` });
    return ids.map(Number);
  });

const configSchema = z.object({
  BOT_TOKEN: z
    .string({
      error:
        "BOT_TOKEN is not set: create a bot with @BotFather in Telegram and run BOT_TOKEN=<token> npm start",
    })
    .regex(
      /^\d+:[\w-]+$/,
      "BOT_TOKEN does not look like a token from @BotFather (digits, a colon, then letters)",
    ),
  DATABASE_PATH: z.string().default("./data/survey.db"),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      "DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host/database",
    )
    .optional(),
  DATABASE_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(2, "DATABASE_CONNECTIONS must be a whole number of at least 2")
    .optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  COORDINATOR_IDS: idList,
  PSEUDONYM_KEY: z.string().min(32, "PSEUDONYM_KEY must be at least 32 characters").optional(),
  PSEUDONYM_KEY_FILE: z.string().optional(),
  QUOTAS_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[\w-]{1,256}$/)
    .optional(),
  PORT: z.coerce.number().int().positive().default(8080),
  WEBHOOK_HOST: z.string().min(1).default("127.0.0.1"),
});

export interface Config {
  botToken: string;
  databasePath: string;
  /** A PostgreSQL server to use instead of the SQLite file at `databasePath`. */
  databaseUrl?: string;
  /** The most connections this instance opens to PostgreSQL, when not the store's default. */
  databaseConnections?: number;
  apiRoot: string;
  coordinatorIds: number[];
  pseudonymKey?: string;
  pseudonymKeyFile: string;
  /** JSON file of quota targets, applied at start (see src/quotas/quota-file.ts). */
  quotasFile?: string;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  webhook?: WebhookConfig;
}

export interface WebhookConfig {
  url: string;
  /** Without one, a secret is derived from the bot token: the same for every instance. */
  secret?: string;
  port: number;
  /** The interface the webhook's server listens on: loopback by default, behind a reverse proxy. */
  host: string;
}

export class ConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ConfigError";
  }
}

/** The token as set, before any check: what must never be printed, even when the configuration is wrong. */
export function configuredBotToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BOT_TOKEN;
}

/** Reads the configuration from the environment once, at start-up. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.length ? String(issue.path[0]) : "";
    const message = name && !issue.message.startsWith(name) ? `${name}: ${issue.message}` : issue.message;
    throw new ConfigError(message, {
      cause: parsed.error,
    });
  }
  const values = parsed.data;
  return {
    botToken: values.BOT_TOKEN,
    databasePath: values.DATABASE_PATH,
    ...(values.DATABASE_URL ? { databaseUrl: values.DATABASE_URL } : {}),
    ...(values.DATABASE_CONNECTIONS ? { databaseConnections: values.DATABASE_CONNECTIONS } : {}),
    apiRoot: values.TELEGRAM_API_ROOT,
    coordinatorIds: values.COORDINATOR_IDS,
    ...(values.PSEUDONYM_KEY ? { pseudonymKey: values.PSEUDONYM_KEY } : {}),
    pseudonymKeyFile: values.PSEUDONYM_KEY_FILE ?? join(dirname(values.DATABASE_PATH), "pseudonym.key"),
    ...(values.QUOTAS_FILE ? { quotasFile: values.QUOTAS_FILE } : {}),
    logLevel: values.LOG_LEVEL,
    ...(values.WEBHOOK_URL
      ? {
          webhook: {
            url: values.WEBHOOK_URL,
            port: values.PORT,
            host: values.WEBHOOK_HOST,
            ...(values.WEBHOOK_SECRET ? { secret: values.WEBHOOK_SECRET } : {}),
          },
        }
      : {}),
  };
}
