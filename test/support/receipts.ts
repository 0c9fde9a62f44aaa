import { parseReceipt, receiptHash } from "../../src/privacy/receipts.ts";
import type { TestBot } from "./test-bot.ts";

/** The receipt a thank-you message shows (seven groups of four), or undefined. */
export function receiptIn(text: string): string | undefined {
  const match = /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){6}/.exec(text);
  return match && parseReceipt(match[0]) ? match[0] : undefined;
}

/** The submitted response a receipt opens, found as the bot finds it: by the receipt's hash. */
export function responseByReceipt(testBot: TestBot, receipt: string) {
  return testBot.services.submissions.findByReceipt(receiptHash(receipt));
}
