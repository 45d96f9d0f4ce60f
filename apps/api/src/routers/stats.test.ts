import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerWorld, type OwnerWorld } from "../testing/owner-world.ts";
import { startTestApi, type TestApi } from "../testing/test-api.ts";

let t: TestApi;
let w: OwnerWorld;
beforeAll(async () => {
  t = await startTestApi();
  w = await createOwnerWorld(t);
});
afterAll(async () => {
  await t?.close();
});

describe("stats.overview", () => {
  it("when the overview is read per mode then paper counts the paper bots and live is empty, never summed", async () => {
    const paper = await t.call("stats.overview", { mode: "paper" }, w.owner.accessToken);
    expect(paper.body.result?.data).toEqual({
      mode: "paper",
      bots: 2,
      dailyLossUsd: { used: "0.01", limit: "100", botsAtLimit: 0 },
      llmSpendUsd: { used: "0", limit: "20" },
      exposureUsd: { used: "5", limit: "400" },
      tradesToday: { used: 1, limit: 20 },
    });
    const live = await t.call("stats.overview", { mode: "live" }, w.owner.accessToken);
    expect(live.body.result?.data).toMatchObject({ bots: 0, exposureUsd: { used: "0" } });
  });
});
