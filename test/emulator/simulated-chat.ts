import type { Activity, UpdateRecord } from "./activity-hub.ts";
import type { CallbackAnswer, ChatState } from "./chat-state.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import { type BotMessageView, describeMessages, toView } from "./message-view.ts";

export interface ActOptions {
  /** How long the bot must stay silent in this chat before act() resolves. Default 40 ms. */
  quietMs?: number;
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Set false for actions the bot is expected to ignore; act() then waits for confirmation and quiet only. */
  expectCall?: boolean;
}

/** A chat as the test sees it: the bot's messages and ways to wait for the bot. */
export class SimulatedChat {
  constructor(
    protected readonly core: EmulatorCore,
    protected readonly state: ChatState,
  ) {}

  get chatId(): number {
    return this.state.id;
  }

  /** The bot's messages in this chat, oldest first, in their current state. */
  messages(): BotMessageView[] {
    return this.state.botMessages().map(toView);
  }

  lastMessage(): BotMessageView | undefined {
    const all = this.state.botMessages();
    const last = all[all.length - 1];
    return last ? toView(last) : undefined;
  }

  /** Labels of the newest message that has an inline keyboard (deleted messages excluded). */
  buttons(): string[][] {
    const all = this.state.botMessages();
    for (let i = all.length - 1; i >= 0; i--) {
      const stored = all[i];
      if (stored && !stored.deleted && stored.message.reply_markup) return toView(stored).buttons;
    }
    return [];
  }

  /** Labels of the reply keyboard the bot currently shows, if any. */
  replyKeyboard(): string[][] | undefined {
    return this.state.replyKeyboard?.map((row) => [...row]);
  }

  callbackAnswers(): CallbackAnswer[] {
    return this.state.callbackAnswers.map((answer) => ({ ...answer }));
  }

  /**
   * Runs `action` (which queues updates in this chat) and resolves once the bot has received
   * them, has made at least one API call concerning this chat, has confirmed the updates, and
   * has then been silent in this chat for `quietMs`.
   */
  async act(action: () => unknown, options: ActOptions = {}): Promise<void> {
    const { quietMs = 40, timeoutMs = 5000, expectCall = true } = options;
    const records: UpdateRecord[] = [];
    let collecting = true;
    let calls = 0;
    let quietTimer: NodeJS.Timeout | undefined;
    let finish: ((error?: Error) => void) | undefined;

    const delivered = () => records.every((record) => record.delivered);
    const ready = () =>
      delivered() && records.every((record) => record.confirmed) && (!expectCall || calls > 0);
    const restartQuiet = () => {
      clearTimeout(quietTimer);
      if (!collecting && finish && ready()) quietTimer = setTimeout(() => finish?.(), quietMs);
    };
    const unsubscribe = this.core.hub.subscribe(this.chatId, (activity: Activity) => {
      if (activity.type === "queued") {
        if (collecting) records.push(activity.record);
        return;
      }
      if (activity.type === "call") {
        if (records.length === 0 || !delivered()) return;
        calls += 1;
      } else if (!records.includes(activity.record)) {
        return;
      }
      restartQuiet();
    });

    try {
      await action();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    collecting = false;
    if (records.length === 0) {
      unsubscribe();
      throw new Error(
        `act() in chat ${this.chatId}: the action queued no update (is it a send/press method of this chat, or filtered by allowed_updates?)`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => {
        const state = records
          .map((r) => `#${r.update.update_id} delivered=${r.delivered} confirmed=${r.confirmed}`)
          .join(", ");
        finish?.(
          new Error(
            `act() in chat ${this.chatId} timed out after ${timeoutMs} ms (updates: ${state}; bot calls concerning this chat since delivery: ${calls}).` +
              `${delivered() ? "" : " Is the bot running?"}\nLast bot messages:\n${describeMessages(this.messages())}`,
          ),
        );
      }, timeoutMs);
      finish = (error) => {
        finish = undefined;
        clearTimeout(deadline);
        clearTimeout(quietTimer);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      };
      restartQuiet();
    });
  }

  /** Resolves when `predicate` holds, re-checking after every event in this chat. */
  waitFor(predicate: (chat: this) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: unknown) => {
        clearTimeout(timer);
        unsubscribe();
        if (error === undefined) resolve();
        else reject(error);
      };
      const unsubscribe = this.core.hub.subscribe(this.chatId, () => {
        try {
          if (predicate(this)) done();
        } catch (error) {
          done(error);
        }
      });
      const timer = setTimeout(
        () =>
          done(
            new Error(
              `waitFor() in chat ${this.chatId} timed out after ${timeoutMs} ms.\nLast bot messages:\n${describeMessages(this.messages())}`,
            ),
          ),
        timeoutMs,
      );
    });
  }
}
