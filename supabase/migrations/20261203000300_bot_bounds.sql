-- One domain per bot setting, the same as the risk engine's BOT_FIELD_BOUNDS (packages/db/test/bot-field-bounds.test.ts
-- checks every bound against both), a size bound on recipes, and the tier's maximum model spend per bot.
-- Before this, a slippage of 1.234 % or a priority of 10^9 was stored and only failed when the runner read it.
--
-- Rows stored before these bounds are first moved to the nearest value inside them, always the stricter side
-- (a 1.234 % slippage becomes 1.23 %, a zero limit the smallest positive one), because PostgreSQL re-checks every
-- CHECK on any update of a row, so a NOT VALID check would make the runner's own status writes fail on such a
-- bot. A recipe over 64 KB cannot be a valid recipe (the largest the llm recipe schema allows is about 6 KB):
-- it is removed and its bot paused, to be compiled again.

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

alter table public.bots
  drop constraint bots_max_daily_loss_usd_not_negative,
  drop constraint bots_max_position_size_usd_not_negative,
  drop constraint bots_slippage_threshold_percent_in_range,
  drop constraint bots_max_trades_per_day_not_negative,
  drop constraint bots_ai_failure_retry_minutes_positive,
  drop constraint bots_risk_budget_usd_not_negative,
  drop constraint bots_max_concurrent_markets_positive,
  drop constraint bots_polling_frequency_minutes_positive,
  drop constraint bots_max_daily_llm_cost_usd_not_negative;

update public.bots set max_daily_loss_usd = 0.000001 where max_daily_loss_usd <= 0;
update public.bots set max_position_size_usd = 0.000001 where max_position_size_usd <= 0;
update public.bots set risk_budget_usd = 0.000001 where risk_budget_usd <= 0;
update public.bots set slippage_threshold_percent = greatest(0.01, least(100, trunc(slippage_threshold_percent, 2)))
 where not (slippage_threshold_percent > 0 and slippage_threshold_percent <= 100 and scale(slippage_threshold_percent) <= 2);
update public.bots set max_trades_per_day = least(greatest(max_trades_per_day, 1), 10000)
 where max_trades_per_day not between 1 and 10000;
update public.bots set ai_failure_retry_minutes = least(ai_failure_retry_minutes, 1440) where ai_failure_retry_minutes > 1440;
update public.bots set priority = least(greatest(priority, -1000), 1000) where priority not between -1000 and 1000;
update public.bots set max_concurrent_markets = least(max_concurrent_markets, 1000) where max_concurrent_markets > 1000;
update public.bots set polling_frequency_minutes = least(polling_frequency_minutes, 1440)
 where polling_frequency_minutes > 1440;
update public.bots set recipe_json = null, status = 'paused' where octet_length(recipe_json::text) > 65536;

alter table public.bots
  add constraint bots_max_daily_loss_usd_in_bounds check (max_daily_loss_usd > 0),
  add constraint bots_max_position_size_usd_in_bounds check (max_position_size_usd > 0),
  add constraint bots_risk_budget_usd_in_bounds check (risk_budget_usd > 0),
  add constraint bots_max_daily_llm_cost_usd_in_bounds check (max_daily_llm_cost_usd >= 0),
  add constraint bots_slippage_threshold_percent_in_bounds
    check (slippage_threshold_percent > 0 and slippage_threshold_percent <= 100
      and scale(slippage_threshold_percent) <= 2),
  add constraint bots_max_trades_per_day_in_bounds check (max_trades_per_day between 1 and 10000),
  add constraint bots_ai_failure_retry_minutes_in_bounds check (ai_failure_retry_minutes between 1 and 1440),
  add constraint bots_priority_in_bounds check (priority between -1000 and 1000),
  add constraint bots_max_concurrent_markets_in_bounds check (max_concurrent_markets between 1 and 1000),
  add constraint bots_polling_frequency_minutes_in_bounds
    check (polling_frequency_minutes between 1 and 1440),
  -- Measured on its text, not pg_column_size, which is the compressed size: a repetitive 25 MB recipe compresses
  -- far below any bound. The largest recipe the llm recipe schema allows is a few KB.
  add constraint bots_recipe_json_size check (octet_length(recipe_json::text) <= 65536);

-- A profile's defaults stand in for a bot's NULL settings, so they share the bots' domains.
alter table public.user_risk_profiles
  drop constraint user_risk_profiles_default_daily_loss_usd_not_negative,
  drop constraint user_risk_profiles_default_position_size_usd_not_negative,
  drop constraint user_risk_profiles_default_slippage_threshold_percent_in_range,
  drop constraint user_risk_profiles_global_risk_budget_usd_not_negative;

update public.user_risk_profiles set default_daily_loss_usd = 0.000001 where default_daily_loss_usd <= 0;
update public.user_risk_profiles set default_position_size_usd = 0.000001 where default_position_size_usd <= 0;
update public.user_risk_profiles set global_risk_budget_usd = 0.000001 where global_risk_budget_usd <= 0;
update public.user_risk_profiles
   set default_slippage_threshold_percent = greatest(0.01, least(100, trunc(default_slippage_threshold_percent, 2)))
 where not (default_slippage_threshold_percent > 0 and default_slippage_threshold_percent <= 100
   and scale(default_slippage_threshold_percent) <= 2);

alter table public.user_risk_profiles
  add constraint user_risk_profiles_default_daily_loss_usd_in_bounds check (default_daily_loss_usd > 0),
  add constraint user_risk_profiles_default_position_size_usd_in_bounds
    check (default_position_size_usd > 0),
  add constraint user_risk_profiles_default_slippage_threshold_percent_in_bounds
    check (default_slippage_threshold_percent > 0 and default_slippage_threshold_percent <= 100
      and scale(default_slippage_threshold_percent) <= 2),
  add constraint user_risk_profiles_global_risk_budget_usd_in_bounds check (global_risk_budget_usd > 0);

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

-- The most a bot's max_daily_llm_cost_usd may be, per tier (mirrors risk-engine TierRule.maxDailyLlmCostPerBot).
create function private.tier_max_daily_llm_cost_usd(tier public.user_tier) returns numeric
language sql
immutable
set search_path = ''
as $$
  select r.max_usd
  from (values ('free', 1.00), ('basic', 5.00), ('pro', 25.00)) as r(tier, max_usd)
  where r.tier = $1::text;
$$;
revoke execute on function private.tier_max_daily_llm_cost_usd(public.user_tier) from public;
grant execute on function private.tier_max_daily_llm_cost_usd(public.user_tier) to authenticated, service_role;

-- The operator's model key pays for every bot, so no writer (user, API or operator) may set a cap above the
-- tier's. Checked when the cap is written; a later downgrade is handled by the runner, which never spends
-- above the current tier's maximum.
create function private.enforce_tier_llm_cost() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  user_tier public.user_tier;
  maximum numeric;
begin
  if new.max_daily_llm_cost_usd is null
     or (tg_op = 'UPDATE' and old.max_daily_llm_cost_usd is not distinct from new.max_daily_llm_cost_usd) then
    return new;
  end if;
  select u.tier into user_tier from public.users u where u.id = new.user_id;
  maximum := private.tier_max_daily_llm_cost_usd(coalesce(user_tier, 'free'));
  if new.max_daily_llm_cost_usd > maximum then
    raise exception 'The % tier allows at most % USD of model spend per bot per day.', user_tier, maximum
      using errcode = 'OT002', constraint = 'bots_tier_llm_cost';
  end if;
  return new;
end;
$$;
revoke execute on function private.enforce_tier_llm_cost() from public;

create trigger bots_enforce_tier_llm_cost
  before insert or update on public.bots
  for each row execute function private.enforce_tier_llm_cost();
