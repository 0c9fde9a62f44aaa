import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { InFlightUpdates, UpdateRefusedError } from "../src/in-flight-updates.ts";

const ctx = {} as Context;

/** An update whose handling ends when `finish` is called. */
function slowUpdate(inFlight: InFlightUpdates) {
  let finish = () => {};
  const handled = inFlight.middleware(ctx, () => new Promise<void>((resolve) => (finish = resolve)));
  return { handled, finish: () => finish() };
}

describe("updates in flight", () => {
  it("drained() waits for every update being handled, failed ones included", async () => {
    const inFlight = new InFlightUpdates();
    const first = slowUpdate(inFlight);
    const failing = inFlight.middleware(ctx, () => Promise.reject(new Error("handler failed")));
    (await expect(failing)).rejects.toThrow("handler failed");
    expect(inFlight.count).toBe(1);

    const drained = inFlight.drained(10_000);
    first.finish();
    expect(await drained).toBe(true);
    expect(inFlight.count).toBe(0);
  });

  it("drained() gives up at its deadline with the update still counted", async () => {
    const inFlight = new InFlightUpdates();
    const stuck = slowUpdate(inFlight);
    expect(await inFlight.drained(20)).toBe(false);
    expect(inFlight.count).toBe(1);
    stuck.finish();
    await stuck.handled;
  });

  it("once refusing, a new update fails before it is handled, and one under way still finishes", async () => {
    const inFlight = new InFlightUpdates();
    const underWay = slowUpdate(inFlight);
    inFlight.refuse();
    let handledLate = false;
    (
      await expect(
        inFlight.middleware(ctx, async () => {
          handledLate = true;
        }),
      )
    ).rejects.toThrow(UpdateRefusedError);
    expect(handledLate).toBe(false);
    underWay.finish();
    await underWay.handled;
    expect(await inFlight.drained(0)).toBe(true);
  });
});
