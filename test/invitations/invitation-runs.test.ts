import { describe, expect, it } from "vitest";
import { InvitationRuns } from "../../src/bot/invitations/invitation-runs.ts";
import { openStore } from "../../src/db/survey-store.ts";

describe("invitation runs of two instances on one database", () => {
  it("run one at a time per wave: the second is refused while the first sends, and may run after it", async () => {
    const store = await openStore({ path: ":memory:" });
    const now = () => new Date();
    const [first, second] = [new InvitationRuns(store.leases, now), new InvitationRuns(store.leases, now)];
    let finish = () => {};
    const sending = first.exclusive(
      7,
      () => new Promise<string>((resolve) => (finish = () => resolve("sent"))),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(await second.exclusive(7, async () => "sent twice")).toBeUndefined();
    expect(await second.exclusive(8, async () => "another wave")).toBe("another wave");
    finish();
    expect(await sending).toBe("sent");
    expect(await second.exclusive(7, async () => "next run")).toBe("next run");
    await store.close();
  });
});
