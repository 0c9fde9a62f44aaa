import type { User } from "grammy/types";
import { ChatActor } from "./chat-actor.ts";
import type { EmulatorCore } from "./emulator-core.ts";

export interface UserInit {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export function toUser(init: UserInit): User {
  return { is_bot: false, ...init };
}

/** A user in their private chat with the bot (chat.id === user.id). */
export class SimulatedUser extends ChatActor {
  constructor(core: EmulatorCore, init: UserInit) {
    const user = toUser(init);
    const state = core.chatState({
      id: user.id,
      type: "private",
      first_name: user.first_name,
      ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
      ...(user.username !== undefined ? { username: user.username } : {}),
    });
    super(core, state, user);
  }

  get id(): number {
    return this.user.id;
  }
}
