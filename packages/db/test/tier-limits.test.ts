import { TIER_RULES, TIERS } from "@open-trade/risk-engine";
import { beforeAll, describe, expect, it } from "vitest";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { createAuthUser, createBot } from "../src/testing/fixtures.ts";
import { type Actor, actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { useTestWorld } from "../src/testing/use-test-world.ts";

// A user's own writes cannot buy what their tier does not include, even without going through the API.
const TIER_REFUSED = "OT002";
const t = useTestWorld();
let freeUser: string;
let freeBot: string;

beforeAll(async () => {
  freeUser = await createAuthUser(t.db.raw);
  freeBot = await createBot(t.db.raw, freeUser, "Free bot");
});

async function asUser(userId: string, actor: Actor, text: string, params: unknown[]) {
  return rolledBack(t.db.raw, async (tx) => {
    await actAs(tx, actor, { owner: userId, stranger: userId });
    return tx.query(text, params);
  });
}

describe("tier limits in the database", () => {
  it("when the SQL tier rules are read then they equal the risk engine's TIER_RULES", async () => {
    for (const tier of TIERS) {
      const { rows } = await t.db.raw.query("select * from private.tier_rule($1)", [tier]);
      const rule = TIER_RULES[tier];
      expect(rows).toEqual([
        {
          min_polling_minutes: rule.minPollingMinutes,
          max_bots: rule.maxBots,
          live_trading_allowed: rule.liveTradingAllowed,
        },
      ]);
    }
  });

  it.each([
    ["goes live", "update public.bots set status = 'live' where id = $1", "bots_tier_allows_live"],
    [
      "polls every 5 minutes",
      "update public.bots set polling_frequency_minutes = 5 where id = $1",
      "bots_tier_polling_frequency",
    ],
  ])("when a free user's bot %s then the tier refuses it", async (_what, text, constraint) => {
    const outcome = await asUser(freeUser, "owner", text, [freeBot]);
    expect(sqlErrorInfo(!outcome.ok && outcome.error)).toMatchObject({ code: TIER_REFUSED, constraint });
  });

  it("when a free user creates a second bot then the tier refuses it", async () => {
    const outcome = await asUser(
      freeUser,
      "owner",
      "insert into public.bots (user_id, name) values ($1, 'Second')",
      [freeUser],
    );
    expect(sqlErrorInfo(!outcome.ok && outcome.error)).toMatchObject({
      code: TIER_REFUSED,
      constraint: "bots_tier_bot_count",
    });
  });

  it("when a pro user goes live and polls every 5 minutes then it is allowed", async () => {
    const outcome = await asUser(
      t.world.owner,
      "owner",
      "update public.bots set status = 'live', polling_frequency_minutes = 5 where id = $1",
      [t.world.bot],
    );
    expect(outcome.ok && outcome.value.rowCount).toBe(1);
  });

  it("when the service role sets a free user's bot live then the tier trigger does not stand in its way", async () => {
    const outcome = await asUser(
      freeUser,
      "service",
      "update public.bots set status = 'live' where id = $1",
      [freeBot],
    );
    expect(outcome.ok && outcome.value.rowCount).toBe(1);
  });
});
