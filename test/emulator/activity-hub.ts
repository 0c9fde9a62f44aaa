import type { Update } from "grammy/types";

export interface UpdateRecord {
  readonly update: Update;
  /** The chat the update belongs to (every update the emulator generates has one). */
  readonly chatId: number;
  delivered: boolean;
  confirmed: boolean;
}

export type Activity =
  | { type: "call"; method: string; chatId: number | undefined }
  | { type: "queued" | "delivered" | "confirmed"; record: UpdateRecord };

export type ActivityListener = (activity: Activity) => void;

/** Fan-out of emulator events, indexed by chat so a busy load run costs O(1) per event per waiter. */
export class ActivityHub {
  #byChat = new Map<number, Set<ActivityListener>>();
  #everything = new Set<ActivityListener>();

  /** Listens to one chat's events, or to all events when `chatId` is undefined. */
  subscribe(chatId: number | undefined, listener: ActivityListener): () => void {
    let set = this.#everything;
    if (chatId !== undefined) {
      set = this.#byChat.get(chatId) ?? new Set();
      this.#byChat.set(chatId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (chatId !== undefined && set.size === 0) this.#byChat.delete(chatId);
    };
  }

  emit(chatId: number | undefined, activity: Activity): void {
    if (chatId !== undefined) {
      const listeners = this.#byChat.get(chatId);
      if (listeners) for (const listener of [...listeners]) listener(activity);
    }
    for (const listener of [...this.#everything]) listener(activity);
  }
}
