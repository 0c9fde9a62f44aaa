import { type Api, GrammyError } from "grammy";

/**
 * A message that shows how far a long job has come. It is edited about `steps` times in all, one edit
 * after another, so that Telegram's limits on edits hold however long the job is.
 */
export class ProgressMessage {
  #shown = 0;
  #edits: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: Api,
    private readonly chatId: number,
    private readonly messageId: number,
    private readonly steps = 10,
  ) {}

  /** Shows `text()` when `done` has moved on by a step since the last edit. */
  update(done: number, total: number, text: () => string): Promise<void> {
    const step = Math.max(1, Math.ceil(total / this.steps));
    if (done - this.#shown < step) return this.#edits;
    this.#shown = done;
    const shown = text();
    this.#edits = this.#edits.then(() => this.#edit(shown));
    return this.#edits;
  }

  /** The final text, after every pending progress edit. */
  async finish(text: string): Promise<void> {
    await this.#edits;
    await this.api.editMessageText(this.chatId, this.messageId, text);
  }

  async #edit(text: string): Promise<void> {
    try {
      await this.api.editMessageText(this.chatId, this.messageId, text);
    } catch (error) {
      // Progress is only informative: a lost edit must not stop the job, whose final count is shown anyway.
      if (!(error instanceof GrammyError)) throw error;
    }
  }
}
