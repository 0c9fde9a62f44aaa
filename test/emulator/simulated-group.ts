import type { User } from "grammy/types";
import { ChatActor } from "./chat-actor.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import { SimulatedChat } from "./simulated-chat.ts";
import { toUser, type UserInit } from "./simulated-user.ts";

export interface GroupInit {
  /** Negative, as Telegram's group ids are. */
  id: number;
  title: string;
  type?: "group" | "supergroup";
}

/** A group chat; members act through `as(user)`. */
export class SimulatedGroup extends SimulatedChat {
  #members = new Map<number, ChatActor>();

  constructor(core: EmulatorCore, init: GroupInit) {
    super(core, core.chatState({ id: init.id, type: init.type ?? "group", title: init.title }));
  }

  as(member: UserInit | { readonly user: User }): ChatActor {
    const user = "user" in member ? member.user : toUser(member);
    let actor = this.#members.get(user.id);
    if (!actor) {
      actor = new ChatActor(this.core, this.state, user);
      this.#members.set(user.id, actor);
    }
    return actor;
  }
}
