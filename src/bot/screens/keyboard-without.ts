import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

/**
 * A message's buttons without those whose payload starts with `prefix`: a one-time choice (invite me,
 * no more reminders) disappears once made, and the other buttons stay.
 */
export function keyboardWithout(markup: InlineKeyboardMarkup | undefined, prefix: string): InlineKeyboard {
  const rows = (markup?.inline_keyboard ?? [])
    .map((row) =>
      row.filter((button) => !("callback_data" in button && button.callback_data.startsWith(prefix))),
    )
    .filter((row) => row.length > 0);
  return new InlineKeyboard(rows);
}
