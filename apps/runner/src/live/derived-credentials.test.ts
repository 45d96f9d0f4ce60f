import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveUser } from "../testing/live-user.ts";
import { openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

/** Calls to the exchange's L1 key endpoints (POST /auth/api-key, GET /auth/derive-api-key). */
const keyCalls = () => w.exchange.inspect.requests().filter((r) => r.path.startsWith("/auth/")).length;

describe("L2 credentials derived for a user who stored only a private key", () => {
  it("when the user's second live order is placed then the exchange is not asked for keys again", async () => {
    const { user, live } = await createLiveUser(w);
    const runner = w.runner({ live });
    const before = keyCalls();
    const first = await w.createBot(user, { status: "live" });
    expect(await runner.runNow(first)).toMatchObject({ outcome: "filled", mode: "live" });
    const afterFirst = keyCalls();
    expect(afterFirst).toBeGreaterThan(before);

    const { rows } = await w.db.raw.query<{ api_key: string | null }>(
      "select api_key from public.api_credentials where user_id = $1",
      [user],
    );
    expect(rows.map((r) => r.api_key?.split(".")[0])).toEqual(["otc2"]);

    const second = await w.createBot(user, { status: "live" });
    expect(await runner.runNow(second)).toMatchObject({ outcome: "filled", mode: "live" });
    expect(keyCalls()).toBe(afterFirst);
  });
});
