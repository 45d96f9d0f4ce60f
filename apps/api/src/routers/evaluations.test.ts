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

const TRACE = {
  version: 1,
  decision: {
    action: "BUY",
    outcome: "YES",
    shares: "10",
    sizeUsd: null,
    limitPrice: "0.53",
    confidence: "0.7",
    decidedBy: "rules",
  },
  checks: [
    { name: "trades per day", verdict: "pass", code: null, limit: "10", value: "3" },
    {
      name: "max position size (with correlated markets)",
      verdict: "denied",
      code: "MAX_POSITION_SIZE_EXCEEDED",
      limit: "25.000000",
      value: "30.300000",
    },
  ],
};

async function evaluationWith(trace: unknown, finished = "now()"): Promise<string> {
  const { rows } = await t.db.raw.query<{ id: string }>(
    `insert into public.bot_evaluations (bot_id, runner_id, mode, outcome, reason, denial_codes, trace,
       started_at, finished_at)
     values ($1, 'test-runner', 'paper', 'denied', 'too big', '{MAX_POSITION_SIZE_EXCEEDED}', $2,
       ${finished} - interval '1 second', ${finished}) returning id`,
    [w.botId, JSON.stringify(trace)],
  );
  return rows[0]?.id as string;
}

const byId = (evaluationId: string, token = w.owner.accessToken) =>
  t.call("evaluations.byId", { evaluationId }, token);

describe("evaluations.byId", () => {
  it("when an evaluation has a trace then the trace comes back parsed, checks in order", async () => {
    const id = await evaluationWith(TRACE);
    const res = await byId(id);
    expect(res.body.result?.data).toMatchObject({ id, outcome: "denied", trace: TRACE });
  });

  it("when an evaluation predates traces or has an unknown version then trace is null", async () => {
    for (const stored of [{}, { version: 2, whatever: true }, { version: 1, checks: [{ name: 5 }] }]) {
      const res = await byId(await evaluationWith(stored));
      expect(res.body.result?.data).toMatchObject({ outcome: "denied", reason: "too big", trace: null });
    }
  });

  it("when a fill names its evaluation then it is that evaluation's, whenever it was recorded", async () => {
    const id = await evaluationWith(TRACE, "now() - interval '1 hour'");
    const tokenId = t.market.tokens[0]?.tokenId ?? "";
    const { rows } = await t.db.raw.query<{ id: string }>(
      `insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, fee_usd,
         evaluation_id)
       values ($1, $2, $3, 'paper', 'buy', 4, 0.52, 0.002, $4) returning id`,
      [w.botId, w.marketId, tokenId, id],
    );
    const res = await byId(id);
    const data = res.body.result?.data as { fills: { id: string; size: string }[] } | undefined;
    expect(data?.fills.map((f) => [f.id, f.size])).toEqual([[rows[0]?.id, "4"]]);
  });

  it("when someone else's evaluation is asked for then it is not found", async () => {
    const res = await byId(await evaluationWith(TRACE), w.stranger.accessToken);
    expect(res.body.error?.data.code).toBe("NOT_FOUND");
  });
});
