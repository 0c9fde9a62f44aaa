import type { UserFromGetMe } from "grammy/types";
import type { CommandScope, CommandsStore } from "./commands-store.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import type { MethodTable } from "./method-table.ts";
import type { Params } from "./params.ts";
import type { UpdateDelivery } from "./update-delivery.ts";

/** getMe, update delivery settings and the bot's profile settings. */
export function setupMethods(
  core: EmulatorCore,
  delivery: UpdateDelivery,
  commands: CommandsStore,
  botUser: UserFromGetMe,
): MethodTable {
  const scopeOf = (params: Params) => params.json("scope") as CommandScope | undefined;
  const profile = new Map<string, unknown>();
  const setting = (name: string, fallback: () => unknown) => ({
    set: (params: Params) => {
      profile.set(`${name}:${params.string("language_code") ?? ""}`, params.string(name) ?? "");
      return true;
    },
    get: (params: Params) => ({
      [name]: profile.get(`${name}:${params.string("language_code") ?? ""}`) ?? fallback(),
    }),
  });
  const description = setting("description", () => "");
  const shortDescription = setting("short_description", () => "");
  const name = setting("name", () => botUser.first_name);
  let menuButton: unknown = { type: "default" };

  return {
    getMe: () => botUser,
    logOut: () => true,
    close: () => true,
    getUpdates: (params, { signal }) => delivery.getUpdates(params, signal),
    setWebhook: (params) => delivery.setWebhook(params),
    deleteWebhook: (params) => delivery.deleteWebhook(params),
    getWebhookInfo: () => delivery.webhookInfo(),
    setMyCommands(params) {
      commands.set(params.json("commands"), scopeOf(params), params.string("language_code"));
      return true;
    },
    getMyCommands: (params) => commands.get(scopeOf(params), params.string("language_code")),
    deleteMyCommands(params) {
      commands.delete(scopeOf(params), params.string("language_code"));
      return true;
    },
    setMyDescription: description.set,
    getMyDescription: description.get,
    setMyShortDescription: shortDescription.set,
    getMyShortDescription: shortDescription.get,
    setMyName: name.set,
    getMyName: name.get,
    setChatMenuButton(params) {
      menuButton = params.json("menu_button") ?? { type: "default" };
      return true;
    },
    getChatMenuButton: () => menuButton,
    getChat(params) {
      const { chat } = core.chatOf(params);
      return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
    },
  };
}
