import type { MarketData } from "@open-trade/polymarket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing/test-api.ts";

const LEAK = "password=hunter2 select * from private.local_accounts";

let t: TestApi;
beforeAll(async () => {
  const failing = new Proxy({} as MarketData, {
    get: () => async () => {
      throw new Error(LEAK);
    },
  });
  t = await startTestApi({ marketData: failing });
});
afterAll(async () => {
  await t?.close();
});

describe("an error nobody anticipated", () => {
  it("when a procedure fails unexpectedly then the client gets 500 with a request id, and only the log has that id", async () => {
    const res = await t.call("markets.list", {});
    expect(res.status).toBe(500);
    const requestId = res.body.error?.data.requestId ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.error?.message).toBe(`Something went wrong on our side (request id ${requestId}).`);
    const logged = t.captured.filter((line) => line.includes(requestId) && line.includes('"level":"error"'));
    expect(logged).toHaveLength(1);
    expect(t.captured.join("\n")).not.toContain("hunter2");
    expect(JSON.stringify(res.body)).not.toMatch(/stack|select \*/);
  });
});
