import type { ActivityHub } from "../test/emulator/activity-hub.ts";
import type { BotApiEmulator } from "../test/emulator/bot-api-emulator.ts";
import type { EmulatorCore } from "../test/emulator/emulator-core.ts";
import type { SimulatedUser } from "../test/emulator/simulated-user.ts";

/** A user id no simulated expert uses; its chat gives access to the hub and checks that the bot polls. */
const PROBE_USER_ID = 999_999_999;
/** Only turns a bot that never comes up into an error; the start-up section measures the real time. */
const READY_TIMEOUT_MS = 20_000;

function probeUser(emulator: BotApiEmulator): SimulatedUser {
  return emulator.user({ id: PROBE_USER_ID, first_name: "Bench probe", language_code: "en" });
}

/**
 * The emulator's event stream (queued, delivered, every method call) with no waiting built in. `act()`
 * waits for quiet, which would add its quiet time to every step of a closed loop and hide the timestamps
 * the bench needs, so the bench reads the hub that chats share, held by every chat as its (protected) core.
 */
export function activityHub(emulator: BotApiEmulator): ActivityHub {
  return (probeUser(emulator) as unknown as { core: EmulatorCore }).core.hub;
}

/**
 * Queues /help from the probe user, to be sent before the bot starts. Resolves once the bot has answered it,
 * with performance.now() of the bot's first getUpdates (the one that delivers the probe: a call's own event
 * comes only when its long poll ends, a delivery at once) and of the answer.
 */
export async function probeFirstPoll(
  emulator: BotApiEmulator,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<{ polledAt: number; repliedAt: number }> {
  const hub = activityHub(emulator);
  const probe = probeUser(emulator);
  let polledAt: number | undefined;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`the bot did not poll and answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = hub.subscribe(probe.chatId, (activity) => {
      if (activity.type === "delivered") {
        polledAt ??= performance.now();
      } else if (activity.type === "call" && polledAt !== undefined) {
        clearTimeout(timer);
        unsubscribe();
        resolve({ polledAt, repliedAt: performance.now() });
      }
    });
    probe.sendText("/help");
  });
}
