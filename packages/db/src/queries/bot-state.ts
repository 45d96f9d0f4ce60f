import {
  type BotLimitsRow,
  dayStart,
  type RiskProfileRow,
  type Tier,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import type { BotStatus } from "./bot-list.ts";
import { selectRows } from "./rows.ts";
import type { Mode } from "./trades-page.ts";

/** A bot's configuration, its owner's tier and risk profile, its schedule, and today's model spend. */
export interface BotStateRow {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly status: BotStatus;
  /** The mode the bot trades in: its status, or for a bot that is stopped the mode it last ran in. */
  readonly mode: Mode;
  readonly modelId: string | null;
  readonly recipeJson: unknown;
  readonly pollingFrequencyMinutes: number | null;
  readonly aiFailureRetryMinutes: number;
  readonly limits: BotLimitsRow;
  readonly tier: Tier;
  readonly profile: RiskProfileRow | null;
  readonly consecutiveFailures: number;
  readonly dailyLossReachedAtMs: number | null;
  readonly contextJson: unknown;
  readonly today: {
    /** Model spend billed today and reservations still open, for this bot and across all its owner's bots. */
    readonly llmSpentUsd: Usd;
    readonly llmReservedUsd: Usd;
    readonly userLlmSpentUsd: Usd;
    readonly userLlmReservedUsd: Usd;
  };
}

interface Row extends BotLimitsRow, RiskProfileRow {
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

/** One bot's state and today's numbers (the UTC day of `nowMs`), in one statement; null when the bot is gone. */
export async function botState(tx: Transaction, botId: string, nowMs: number): Promise<BotStateRow | null> {
  const since = new Date(dayStart(nowMs)).toISOString();
  const [bot] = await selectRows<Row>(
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
  if (!bot) return null;
  return {
    id: bot.id,
    userId: bot.user_id,
    name: bot.name,
    status: bot.status,
    mode: bot.status === "live" ? "live" : bot.status === "paper" ? "paper" : (bot.last_mode ?? "paper"),
    modelId: bot.model_id,
    recipeJson: bot.recipe_json,
    pollingFrequencyMinutes: bot.polling_frequency_minutes,
    aiFailureRetryMinutes: bot.ai_failure_retry_minutes,
    limits: {
      max_daily_loss_usd: bot.max_daily_loss_usd,
      max_position_size_usd: bot.max_position_size_usd,
      allowed_categories: bot.allowed_categories ?? [],
      slippage_threshold_percent: bot.slippage_threshold_percent,
      max_trades_per_day: bot.max_trades_per_day,
      risk_budget_usd: bot.risk_budget_usd,
      risk_budget_type: bot.risk_budget_type,
      max_concurrent_markets: bot.max_concurrent_markets,
      max_daily_llm_cost_usd: bot.max_daily_llm_cost_usd,
    },
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
    contextJson: bot.context_json,
    today: {
      llmSpentUsd: usd(bot.spent),
      llmReservedUsd: usd(bot.reserved),
      userLlmSpentUsd: usd(bot.user_spent),
      userLlmReservedUsd: usd(bot.user_reserved),
    },
  };
}
