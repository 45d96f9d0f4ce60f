import type { Connection } from "@open-trade/db";
import { openIsolatedTestDatabase } from "@open-trade/db/testing";
import { applyHardLimits, botLimitsRowSchema, isRuleOnly, recipeSchema, toBotLimits } from "@open-trade/llm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BOTS, DEMO_USER_ID } from "./demo-bots.ts";
import { seedDemo } from "./seed-demo.ts";

let connection: Connection;

beforeAll(async () => {
  connection = await openIsolatedTestDatabase();
  // On a shared PostgreSQL a previous run may have left the demo user; start from none.
  await connection.raw.query("delete from auth.users where id = $1", [DEMO_USER_ID]);
});
afterAll(async () => {
  await connection?.close();
});

describe("seedDemo", () => {
  it("when seeded twice then the second run creates nothing and keeps the user's changes", async () => {
    const first = await seedDemo(connection.raw);
    await connection.raw.query("update public.bots set status = 'paused' where id = $1", [DEMO_BOTS[0]?.id]);
    const second = await seedDemo(connection.raw);
    const { rows } = await connection.raw.query<{ status: string; tier: string }>(
      `select b.status::text as status, u.tier::text as tier
         from public.bots b join public.users u on u.id = b.user_id where b.user_id = $1 order by b.id`,
      [DEMO_USER_ID],
    );
    expect([first, second]).toEqual([
      { userCreated: true, botsCreated: DEMO_BOTS.length },
      { userCreated: false, botsCreated: 0 },
    ]);
    expect(rows.map((r) => [r.status, r.tier])).toEqual([
      ["paused", "pro"],
      ["paper", "pro"],
      ["paper", "pro"],
    ]);
  });

  it.each(DEMO_BOTS.map((bot) => [bot.name, bot] as const))(
    "when %s is read back then its stored recipe is valid under its own hard limits",
    async (_name, bot) => {
      const { rows } = await connection.raw.query<Record<string, unknown>>(
        `select recipe_json, max_position_size_usd::text, max_daily_loss_usd::text, allowed_categories,
                max_trades_per_day, max_concurrent_markets, slippage_threshold_percent::text,
                polling_frequency_minutes, risk_budget_usd::text, model_id
           from public.bots where id = $1`,
        [bot.id],
      );
      const row = rows[0] ?? {};
      const recipe = recipeSchema.parse(row.recipe_json);
      const { warnings } = applyHardLimits(recipe, toBotLimits(botLimitsRowSchema.parse(row)));
      expect(warnings).toEqual([]);
      expect([isRuleOnly(recipe), row.model_id === null]).toEqual([
        bot.modelId === null,
        bot.modelId === null,
      ]);
    },
  );
});
