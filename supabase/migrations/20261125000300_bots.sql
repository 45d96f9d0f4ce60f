-- Bots (configuration and hard limits) and their memory: bot_context (lessons) and bot_failures (adaptations).

------------------------------------------------------------------------------------------------------------
-- Types
------------------------------------------------------------------------------------------------------------

create type public.bot_status as enum ('paper', 'live', 'paused', 'paused:ai_unavailable', 'error');
comment on type public.bot_status is 'paper and live run; paused waits for the user; paused:ai_unavailable retries by itself; error needs the user.';

create type public.risk_budget_type as enum ('individual', 'shared');
comment on type public.risk_budget_type is 'individual: the bot''s own budget; shared: draws on the pool of the user''s shared bots.';

create type public.bot_failure_type as enum ('slippage', 'liquidity_kill', 'rule_violation', 'api_error', 'gas_spike', 'other');

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

create table public.bots (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  name text not null default 'Untitled Bot',
  status public.bot_status not null default 'paused',
  strategy_prompt text not null default '',
  model_id text,
  max_daily_loss_usd public.usd_amount,
  max_position_size_usd public.usd_amount,
  allowed_categories text[] not null default '{}',
  slippage_threshold_percent numeric default 2.0,
  max_trades_per_day integer not null default 10,
  ai_failure_retry_minutes integer not null default 10,
  risk_budget_usd public.usd_amount,
  risk_budget_type public.risk_budget_type not null default 'individual',
  bot_group_id uuid,
  priority integer not null default 0,
  max_concurrent_markets integer not null default 1,
  last_run_at timestamptz,
  created_at timestamptz not null default now(),
  recipe_json jsonb,
  polling_frequency_minutes integer,
  max_daily_llm_cost_usd public.usd_amount not null default 1.00,
  constraint bots_name_not_blank check (length(btrim(name)) between 1 and 100),
  constraint bots_strategy_prompt_length check (length(strategy_prompt) <= 20000),
  constraint bots_model_id_format check (model_id ~ '^[A-Za-z0-9._:/-]{1,200}$'),
  constraint bots_max_daily_loss_usd_not_negative check (max_daily_loss_usd >= 0),
  constraint bots_max_position_size_usd_not_negative check (max_position_size_usd >= 0),
  constraint bots_allowed_categories_no_nulls check (array_position(allowed_categories, null) is null),
  constraint bots_slippage_threshold_percent_in_range check (slippage_threshold_percent >= 0 and slippage_threshold_percent <= 100),
  constraint bots_max_trades_per_day_not_negative check (max_trades_per_day >= 0),
  constraint bots_ai_failure_retry_minutes_positive check (ai_failure_retry_minutes >= 1),
  constraint bots_risk_budget_usd_not_negative check (risk_budget_usd >= 0),
  constraint bots_max_concurrent_markets_positive check (max_concurrent_markets >= 1),
  constraint bots_polling_frequency_minutes_positive check (polling_frequency_minutes >= 1),
  constraint bots_max_daily_llm_cost_usd_not_negative check (max_daily_llm_cost_usd >= 0),
  constraint bots_recipe_json_is_object check (jsonb_typeof(recipe_json) = 'object')
);
comment on table public.bots is 'A trading bot: the strategy in the trader''s words, its compiled recipe and its hard limits.';
comment on column public.bots.user_id is 'The owner.';
comment on column public.bots.name is 'User-defined name, 1 to 100 characters.';
comment on column public.bots.status is 'Lifecycle state; new bots start paused until the trader confirms the recipe.';
comment on column public.bots.strategy_prompt is 'The natural-language strategy.';
comment on column public.bots.model_id is 'OpenRouter model id, e.g. anthropic/claude-3.5-sonnet. NULL for rule-only recipes.';
comment on column public.bots.max_daily_loss_usd is 'Hard limit: realized plus unrealized loss today. NULL falls back to the user''s risk profile.';
comment on column public.bots.max_position_size_usd is 'Hard limit: exposure per market (correlated markets together). NULL falls back to the profile.';
comment on column public.bots.allowed_categories is 'Market categories the bot may trade, e.g. {politics,crypto}.';
comment on column public.bots.slippage_threshold_percent is 'Maximum slippage in percent. NULL falls back to the profile.';
comment on column public.bots.max_trades_per_day is 'Trade frequency limit per UTC day.';
comment on column public.bots.ai_failure_retry_minutes is 'Retry interval while the model is unavailable.';
comment on column public.bots.risk_budget_usd is 'Isolated risk budget for this bot; NULL uses the user default.';
comment on column public.bots.risk_budget_type is 'individual or shared (pooled with the user''s other shared bots).';
comment on column public.bots.bot_group_id is 'Cluster of bots that work together (future feature).';
comment on column public.bots.priority is 'Execution order within the user''s bots; higher runs first.';
comment on column public.bots.max_concurrent_markets is 'Maximum markets with open positions at once.';
comment on column public.bots.last_run_at is 'End of the last successful evaluation; written by the runner.';
comment on column public.bots.created_at is 'When the bot was created.';
comment on column public.bots.recipe_json is 'The compiled, structured recipe (versioned schema in packages/llm).';
comment on column public.bots.polling_frequency_minutes is 'Evaluation interval; never shorter than the user''s tier allows. NULL derives it from the tier.';
comment on column public.bots.max_daily_llm_cost_usd is 'Hard cap on model spend per UTC day.';

create index bots_user_id_priority_idx on public.bots (user_id, priority desc);
create index bots_status_last_run_at_idx on public.bots (status, last_run_at);

create table public.bot_context (
  id uuid primary key default gen_random_uuid(),
  bot_id uuid not null references public.bots (id) on delete cascade,
  context_json jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  constraint bot_context_bot_id_key unique (bot_id),
  constraint bot_context_context_json_is_object check (jsonb_typeof(context_json) = 'object'),
  constraint bot_context_context_json_size check (pg_column_size(context_json) <= 65536)
);
comment on table public.bot_context is 'Long-term and session memory of a bot: lessons, patterns to avoid, cumulative PnL.';
comment on column public.bot_context.bot_id is 'The bot; one context per bot.';
comment on column public.bot_context.context_json is 'Key-value lessons (bounded to 64 KiB).';
comment on column public.bot_context.updated_at is 'Kept by trigger on every update.';

create table public.bot_failures (
  id uuid primary key default gen_random_uuid(),
  bot_id uuid not null references public.bots (id) on delete cascade,
  error_type public.bot_failure_type not null,
  market_id text,
  adaptation_note text not null default '',
  created_at timestamptz not null default now(),
  constraint bot_failures_market_id_not_blank check (length(btrim(market_id)) > 0),
  constraint bot_failures_adaptation_note_length check (length(adaptation_note) <= 2000)
);
comment on table public.bot_failures is 'Past mistakes and the adaptation the next evaluation reads.';
comment on column public.bot_failures.bot_id is 'The bot that failed.';
comment on column public.bot_failures.error_type is 'What kind of failure.';
comment on column public.bot_failures.market_id is 'Polymarket condition id, when the failure concerns one market.';
comment on column public.bot_failures.adaptation_note is 'e.g. "Reduce max size by 50% in markets with < $50k liquidity".';
comment on column public.bot_failures.created_at is 'When it happened.';

create index bot_failures_bot_id_created_at_idx on public.bot_failures (bot_id, created_at desc);

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

revoke all on table public.bots, public.bot_context, public.bot_failures from anon, authenticated, service_role;

-- last_run_at, created_at and user_id (after insert) belong to the system: the insert trigger sets the first two,
-- and no UPDATE grant reaches any of them.
grant select on table public.bots to authenticated;
grant insert on table public.bots to authenticated;
grant update (name, status, strategy_prompt, model_id, max_daily_loss_usd, max_position_size_usd,
  allowed_categories, slippage_threshold_percent, max_trades_per_day, ai_failure_retry_minutes, risk_budget_usd,
  risk_budget_type, bot_group_id, priority, max_concurrent_markets, recipe_json, polling_frequency_minutes,
  max_daily_llm_cost_usd) on table public.bots to authenticated;
grant select, insert, update, delete on table public.bots to service_role;

grant select on table public.bot_context to authenticated;
grant insert on table public.bot_context to authenticated;
grant update (context_json) on table public.bot_context to authenticated;
grant select, insert, update, delete on table public.bot_context to service_role;

grant select on table public.bot_failures to authenticated;
grant select, insert, delete on table public.bot_failures to service_role;

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

-- The bots the calling user owns. Policies use `bot_id in (select private.owned_bot_ids())`, which the
-- planner runs once per statement (an initPlan) instead of once per row.
create function private.owned_bot_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select b.id from public.bots b where b.user_id = (select auth.uid());
$$;
revoke execute on function private.owned_bot_ids() from public;
grant execute on function private.owned_bot_ids() to authenticated;

-- A new bot has never run, whatever the inserted row claims.
create function private.prepare_new_bot() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := now();
  new.last_run_at := null;
  return new;
end;
$$;
revoke execute on function private.prepare_new_bot() from public;

create trigger bots_prepare_new_bot
  before insert on public.bots
  for each row execute function private.prepare_new_bot();

create trigger bot_context_set_updated_at
  before insert or update on public.bot_context
  for each row execute function private.set_updated_at();

------------------------------------------------------------------------------------------------------------
-- Row level security and policies
------------------------------------------------------------------------------------------------------------

alter table public.bots enable row level security;
alter table public.bot_context enable row level security;
alter table public.bot_failures enable row level security;

create policy "Users can read their own bots"
  on public.bots for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Users can create bots for themselves"
  on public.bots for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy "Users can update their own bots"
  on public.bots for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "Users can read their own bots' memory"
  on public.bot_context for select to authenticated
  using (bot_id in (select private.owned_bot_ids()));

create policy "Users can create memory for their own bots"
  on public.bot_context for insert to authenticated
  with check (bot_id in (select private.owned_bot_ids()));

create policy "Users can update their own bots' memory"
  on public.bot_context for update to authenticated
  using (bot_id in (select private.owned_bot_ids()))
  with check (bot_id in (select private.owned_bot_ids()));

create policy "Users can read their own bots' failures"
  on public.bot_failures for select to authenticated
  using (bot_id in (select private.owned_bot_ids()));
