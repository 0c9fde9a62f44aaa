import type { BotCommand } from "grammy/types";
import { badRequest } from "./api-error.ts";

export interface CommandScope {
  type: string;
  chat_id?: number | string;
  user_id?: number;
}

const keyOf = (scope: CommandScope | undefined, languageCode: string | undefined): string => {
  const { type = "default", chat_id, user_id } = scope ?? {};
  return JSON.stringify([
    type,
    chat_id === undefined ? null : String(chat_id),
    user_id ?? null,
    languageCode ?? "",
  ]);
};

/** Command lists per (scope, language_code), as setMyCommands keeps them. */
export class CommandsStore {
  #lists = new Map<string, BotCommand[]>();

  set(commands: unknown, scope: CommandScope | undefined, languageCode: string | undefined): void {
    validateLanguage(languageCode);
    if (!Array.isArray(commands) || commands.length > 100) {
      throw badRequest("commands must be an array of at most 100");
    }
    const list = commands.map((entry: { command?: unknown; description?: unknown }) => {
      const command = typeof entry.command === "string" ? entry.command.replace(/^\//, "") : "";
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
      const description = typeof entry.description === "string" ? entry.description.trim() : "";
      if (description.length < 1 || description.length > 256) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      return { command, description };
    });
    const key = keyOf(scope, languageCode);
    if (list.length === 0) this.#lists.delete(key);
    else this.#lists.set(key, list);
  }

  get(scope: CommandScope | undefined, languageCode: string | undefined): BotCommand[] {
    validateLanguage(languageCode);
    return (this.#lists.get(keyOf(scope, languageCode)) ?? []).map((command) => ({ ...command }));
  }

  delete(scope: CommandScope | undefined, languageCode: string | undefined): void {
    validateLanguage(languageCode);
    this.#lists.delete(keyOf(scope, languageCode));
  }
}

function validateLanguage(languageCode: string | undefined): void {
  if (languageCode !== undefined && languageCode !== "" && !/^[a-z]{2}$/.test(languageCode)) {
    throw badRequest("invalid language code specified");
  }
}
