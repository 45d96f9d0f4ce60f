import type { Transaction } from "@open-trade/db";
import { botContextSchema, emptyBotContext } from "@open-trade/llm";
import {
  type BotLimitsRow,
  dayStart,
  price,
  type RiskProfileRow,
  shares,
  type Tier,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { at, sqlRows } from "../db/sql-rows.ts";
import type { BotState, BotStatus, IntentRow, LedgerFill, Mode } from "./bot-state.ts";

interface BotRow extends BotLimitsRow, RiskProfileRow {
  id: string;
  user_id: string;
  name: string;
  status: BotStatus;
  model_id: string | null;
  recipe_json: unknown;
  polling_frequency_minutes: number | null;
  ai_failure_retry_minutes: number;
  tier: Tier;
  consecutive_failures: number | null;
  has_profile: boolean;
  daily_loss_reached_ms: number | null;
  last_mode: Mode | null;
  context_json: unknown;
  spent: string;
  reserved: string;
  user_spent: string;
  user_reserved: string;
}

/**
 * Step 2, inside the caller's (service) transaction: the bot, its limits and risk profile, ledger, memory,
 * model spend and unfinished orders. Null when the bot is gone.
 */
export async function loadBotState(tx: Transaction, botId: string, nowMs: number): Promise<BotState | null> {
  const since = at(dayStart(nowMs));
  // Independent reads, pipelined on the transaction's connection: one round trip instead of four.
  const botQuery = sqlRows<BotRow>(
    tx,
    sql`select b.id, b.user_id, b.name, b.status::text as status, b.model_id, b.recipe_json,
                 b.polling_frequency_minutes, b.ai_failure_retry_minutes, to_jsonb(b.allowed_categories) as allowed_categories,
                 b.max_daily_loss_usd::text as max_daily_loss_usd, b.max_position_size_usd::text as max_position_size_usd,
                 b.slippage_threshold_percent::text as slippage_threshold_percent, b.max_trades_per_day,
                 b.risk_budget_usd::text as risk_budget_usd, b.risk_budget_type::text as risk_budget_type,
                 b.max_concurrent_markets, b.max_daily_llm_cost_usd::text as max_daily_llm_cost_usd,
                 u.tier::text as tier, s.consecutive_failures, p.user_id is not null as has_profile,
                 p.default_daily_loss_usd::text as default_daily_loss_usd,
                 p.default_position_size_usd::text as default_position_size_usd,
                 p.default_slippage_threshold_percent::text as default_slippage_threshold_percent,
                 p.global_risk_budget_usd::text as global_risk_budget_usd,
                 (extract(epoch from s.daily_loss_reached_at) * 1000)::float8 as daily_loss_reached_ms,
                 (select e.mode::text from public.bot_evaluations e where e.bot_id = b.id order by e.started_at desc limit 1) as last_mode,
                 (select c.context_json from public.bot_context c where c.bot_id = b.id) as context_json,
                 (select coalesce(sum(e.llm_billed_usd), 0)::text from public.bot_evaluations e
                   where e.bot_id = b.id and e.started_at >= ${since}::timestamptz) as spent,
                 (select coalesce(sum(e.llm_reserved_usd), 0)::text from public.bot_evaluations e
                   where e.bot_id = b.id and e.outcome = 'running' and e.started_at >= ${since}::timestamptz) as reserved,
                 (select coalesce(sum(e.llm_billed_usd), 0)::text from public.bot_evaluations e
                   where e.bot_id in (select o.id from public.bots o where o.user_id = b.user_id)
                     and e.started_at >= ${since}::timestamptz) as user_spent,
                 (select coalesce(sum(e.llm_reserved_usd), 0)::text from public.bot_evaluations e
                   where e.bot_id in (select o.id from public.bots o where o.user_id = b.user_id)
                     and e.outcome = 'running' and e.started_at >= ${since}::timestamptz) as user_reserved
            from public.bots b join public.users u on u.id = b.user_id
            left join public.bot_schedule s on s.bot_id = b.id
            left join public.user_risk_profiles p on p.user_id = b.user_id
           where b.id = ${botId}`,
  );
  const fillsQuery = sqlRows<{
    type: Mode;
    market_id: string;
    token_id: string;
    action: "buy" | "sell";
    size: string;
    price: string;
    fee: string;
    at_ms: number;
  }>(
    tx,
    sql`select type::text as type, market_id, token_id, action::text as action, size::text as size, execution_price::text as price,
                 fee_usd::text as fee, (extract(epoch from created_at) * 1000)::float8 as at_ms
            from public.trade_logs where bot_id = ${botId} and token_id is not null order by created_at, id`,
  );
  const failuresQuery = sqlRows<{
    error_type: string;
    market_id: string | null;
    note: string;
    at_ms: number;
  }>(
    tx,
    sql`select error_type::text as error_type, market_id, adaptation_note as note,
                 (extract(epoch from created_at) * 1000)::float8 as at_ms
            from public.bot_failures where bot_id = ${botId} order by created_at desc limit 20`,
  );
  const intentsQuery = sqlRows<{
    id: string;
    order_id: string;
    mode: Mode;
    market_id: string;
    token_id: string;
    action: "buy" | "sell";
    status: IntentRow["status"];
    prepared_order: Record<string, unknown>;
  }>(
    tx,
    sql`select id, order_id, mode::text as mode, market_id, token_id, action::text as action, status::text as status, prepared_order
            from public.order_intents where bot_id = ${botId} and status in ('prepared', 'submitted', 'ambiguous')
           order by created_at`,
  );
  const [[bot], fills, failures, intents] = await Promise.all([
    botQuery,
    fillsQuery,
    failuresQuery,
    intentsQuery,
  ]);
  if (!bot) return null;
  const context = botContextSchema.safeParse(bot.context_json ?? {});
  const mode: Mode =
    bot.status === "live" ? "live" : bot.status === "paper" ? "paper" : (bot.last_mode ?? "paper");
  return {
    id: bot.id,
    userId: bot.user_id,
    name: bot.name,
    status: bot.status,
    mode,
    modelId: bot.model_id,
    recipeJson: bot.recipe_json,
    pollingFrequencyMinutes: bot.polling_frequency_minutes,
    aiFailureRetryMinutes: bot.ai_failure_retry_minutes,
    allowedCategories: bot.allowed_categories ?? [],
    limitsRow: bot,
    tier: bot.tier,
    profile: bot.has_profile
      ? {
          default_daily_loss_usd: bot.default_daily_loss_usd,
          default_position_size_usd: bot.default_position_size_usd,
          default_slippage_threshold_percent: bot.default_slippage_threshold_percent,
          global_risk_budget_usd: bot.global_risk_budget_usd,
        }
      : null,
    consecutiveFailures: bot.consecutive_failures ?? 0,
    dailyLossReachedAtMs: bot.daily_loss_reached_ms,
    // Only the current mode's ledger: a bot gone live from paper holds nothing real yet, and its paper trades
    // must not count as live holdings, trades today or PnL.
    fills: fills
      .filter((f) => f.type === mode)
      .map(
        (f): LedgerFill => ({
          marketId: f.market_id,
          tokenId: f.token_id,
          side: f.action === "buy" ? "BUY" : "SELL",
          shares: shares(f.size),
          price: price(f.price),
          fee: usd(f.fee),
          atMs: f.at_ms,
        }),
      ),
    context: context.success ? context.data : emptyBotContext(),
    failures: failures.map((f) => ({
      errorType: f.error_type as BotState["failures"][number]["errorType"],
      marketId: f.market_id,
      createdAt: f.at_ms,
    })),
    recentNotes: failures.map((f) => f.note).filter((n) => n.length > 0),
    llmSpentTodayUsd: usd(bot.spent),
    llmOpenReservationsUsd: usd(bot.reserved),
    userLlmSpentTodayUsd: usd(bot.user_spent),
    userLlmOpenReservationsUsd: usd(bot.user_reserved),
    unresolvedIntents: intents.map((i) => ({
      id: i.id,
      orderId: i.order_id,
      mode: i.mode,
      marketId: i.market_id,
      tokenId: i.token_id,
      side: i.action === "buy" ? "BUY" : "SELL",
      status: i.status,
      preparedOrder: i.prepared_order,
    })),
  };
}
