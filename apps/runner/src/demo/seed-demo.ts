import type { RawSql } from "@open-trade/db";
import { DEMO_BOTS, DEMO_TIER, DEMO_USER_EMAIL, DEMO_USER_ID } from "./demo-bots.ts";

export interface SeedReport {
  readonly userCreated: boolean;
  /** Bots inserted now; bots that already exist are left exactly as the user left them. */
  readonly botsCreated: number;
}

/**
 * Idempotent: inserts the demo user and bots only where missing, so a rerun (or a user who paused or edited
 * a demo bot) keeps its stored state. Runs as the connection's owner role, because it creates an auth user,
 * which no application role may do; a trigger adds the users and user_risk_profiles rows.
 */
export async function seedDemo(raw: RawSql): Promise<SeedReport> {
  return raw.transaction(async (tx) => {
    const user = await tx.query(
      "insert into auth.users (id, email) values ($1, $2) on conflict (id) do nothing returning id",
      [DEMO_USER_ID, DEMO_USER_EMAIL],
    );
    const userCreated = user.rowCount > 0;
    if (userCreated)
      await tx.query("update public.users set tier = $2 where id = $1", [DEMO_USER_ID, DEMO_TIER]);
    let botsCreated = 0;
    for (const bot of DEMO_BOTS) {
      const inserted = await tx.query(
        `insert into public.bots (id, user_id, name, status, strategy_prompt, model_id, allowed_categories,
                                  max_daily_loss_usd, max_position_size_usd, max_trades_per_day, max_concurrent_markets,
                                  polling_frequency_minutes, max_daily_llm_cost_usd, recipe_json)
         values ($1, $2, $3, 'paper', $4, $5, $6::text[], $7, $8, $9, $10, $11, $12, $13::jsonb)
         on conflict (id) do nothing returning id`,
        [
          bot.id,
          DEMO_USER_ID,
          bot.name,
          bot.strategyPrompt,
          bot.modelId,
          toPgArray(bot.allowedCategories),
          bot.maxDailyLossUsd,
          bot.maxPositionSizeUsd,
          bot.maxTradesPerDay,
          bot.maxConcurrentMarkets,
          bot.pollingFrequencyMinutes,
          bot.maxDailyLlmCostUsd,
          JSON.stringify(bot.recipe),
        ],
      );
      botsCreated += inserted.rowCount;
    }
    return { userCreated, botsCreated };
  });
}

// Both drivers accept an array literal for text[]; the demo categories hold no quotes or commas.
function toPgArray(values: readonly string[]): string {
  return `{${values.join(",")}}`;
}
