import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEAP_YES, openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

const row = async <T>(text: string, params: unknown[]) =>
  (await w.db.raw.query<T>(text, params)).rows[0] as T;

/** The evaluation row, the bot's status and its failure rows after one "run now". */
async function evaluated(bot: string) {
  const summary = await w.runner().runNow(bot);
  const stored = await row<{
    outcome: string;
    codes: string[];
    reason: string;
    status: string;
    failures: number;
  }>(
    `select e.outcome::text as outcome, e.denial_codes as codes, e.reason, b.status::text as status,
            (select count(*)::int from public.bot_failures f where f.bot_id = b.id) as failures
       from public.bot_evaluations e join public.bots b on b.id = e.bot_id where e.bot_id = $1
      order by e.started_at desc limit 1`,
    [bot],
  );
  return { summary, stored };
}

describe("a configuration the bot cannot run with", () => {
  it.each([["abc"], [1e12], [1e300]])(
    "when the recipe's polling cadence is %s then the bot stops in error at once with RECIPE_INVALID",
    async (pollingMinutes) => {
      const bot = await w.createBot(await w.createUser());
      const recipe = { ...CHEAP_YES, cadence: { ...CHEAP_YES.cadence, pollingMinutes } };
      await w.db.raw.query(
        "update public.bots set polling_frequency_minutes = null, recipe_json = $2 where id = $1",
        [bot, JSON.stringify(recipe)],
      );
      const { summary, stored } = await evaluated(bot);
      expect(summary).toMatchObject({ outcome: "failed", status: "error", denialCodes: ["RECIPE_INVALID"] });
      expect(stored).toMatchObject({
        outcome: "failed",
        codes: ["RECIPE_INVALID"],
        status: "error",
        failures: 1,
      });
      expect(stored.reason).toMatch(/cadence\.pollingMinutes/);
    },
  );

  it("when a live bot's user is downgraded to free then it is paused with the tier's reason and places nothing", async () => {
    const user = await w.createUser("basic");
    const bot = await w.createBot(user, { status: "live" });
    await w.db.raw.query("update public.users set tier = 'free' where id = $1", [user]);
    const { summary, stored } = await evaluated(bot);
    expect(summary).toMatchObject({
      outcome: "failed",
      status: "paused",
      denialCodes: ["LIVE_NOT_ALLOWED_FOR_TIER"],
    });
    expect(stored.reason).toMatch(/free tier does not include live trading/);
    const trades = await row<{ n: number }>(
      "select count(*)::int as n from public.trade_logs where bot_id = $1",
      [bot],
    );
    expect(trades.n).toBe(0);
  });
});
