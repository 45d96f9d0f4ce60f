-- Hardening from the first security review of the foundation migrations:
-- numeric NaN/Infinity, tier limits the Data API could bypass, backdated ledger rows, locks held by another
-- user's bot or forever, and helper functions executable by PUBLIC by default.

------------------------------------------------------------------------------------------------------------
-- Types: money is finite
------------------------------------------------------------------------------------------------------------

-- numeric accepts 'NaN' and '±Infinity', NaN sorts above every number (so NaN >= 0 holds) and scale(NaN) is
-- NULL (so the decimals check passes). None of them is ever an amount, a price or a size.
alter domain public.usd_amount
  add constraint usd_amount_finite check (value not in ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric));
alter domain public.share_price
  add constraint share_price_finite check (value not in ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric));
alter domain public.share_quantity
  add constraint share_quantity_finite check (value not in ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric));

alter table public.bot_evaluations
  add constraint bot_evaluations_llm_cost_usd_finite
  check (llm_cost_usd not in ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric));

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

-- The spec gives max_daily_llm_cost_usd no default; NULL means "the tier's default cap" (risk-engine TierRule),
-- so a bot never has an unbounded model bill and the cap follows the user's tier.
alter table public.bots alter column max_daily_llm_cost_usd drop not null;
alter table public.bots alter column max_daily_llm_cost_usd drop default;
comment on column public.bots.max_daily_llm_cost_usd is 'Hard cap on model spend per UTC day. NULL uses the tier''s default cap.';

-- A lock is held by one of the locking user's own bots, and it always expires, within a day.
alter table public.bots add constraint bots_id_user_id_key unique (id, user_id);
alter table public.bot_coordination_locks drop constraint bot_coordination_locks_locked_by_bot_id_fkey;
alter table public.bot_coordination_locks
  add constraint bot_coordination_locks_bot_belongs_to_user
  foreign key (locked_by_bot_id, user_id) references public.bots (id, user_id) on delete cascade;
alter table public.bot_coordination_locks
  add constraint bot_coordination_locks_expires_within_a_day
  check (isfinite(locked_at) and isfinite(expires_at) and expires_at <= locked_at + interval '1 day');

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

-- Functions are executable by PUBLIC when created; in private nothing should be unless granted by name.
alter default privileges in schema private revoke execute on functions from public;

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

-- The ledger's time is the database's, not the writer's: no row can be backdated or postdated.
create trigger trade_logs_set_created_at
  before insert on public.trade_logs
  for each row execute function private.set_created_at();
alter table public.trade_logs enable always trigger trade_logs_set_created_at;

-- What each tier may do (mirrors risk-engine TIER_RULES; db/test/tier-rules.test.ts keeps the two equal).
create function private.tier_rule(tier public.user_tier, out min_polling_minutes integer, out max_bots integer,
  out live_trading_allowed boolean)
language sql
immutable
set search_path = ''
as $$
  select r.min_polling_minutes, r.max_bots, r.live_trading_allowed
  from (values ('free', 60, 1, false), ('basic', 30, 3, true), ('pro', 5, 20, true))
    as r(tier, min_polling_minutes, max_bots, live_trading_allowed)
  where r.tier = $1::text;
$$;
revoke execute on function private.tier_rule(public.user_tier) from public;
grant execute on function private.tier_rule(public.user_tier) to authenticated, service_role;

-- A user's own writes cannot buy what their tier does not include: live trading, faster polling, more bots.
-- The service role (operators, the runner) is not limited here. Runs as the caller (not security definer) so
-- current_user is the caller's role and RLS scopes the count to the caller's own bots.
create function private.enforce_tier_on_bots() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  user_tier public.user_tier;
  rule record;
  bot_count integer;
begin
  if current_user <> 'authenticated' then
    return new;
  end if;
  select u.tier into user_tier from public.users u where u.id = new.user_id;
  select * into rule from private.tier_rule(coalesce(user_tier, 'free'));
  if new.status = 'live' and not rule.live_trading_allowed
     and (tg_op = 'INSERT' or old.status is distinct from 'live') then
    raise exception 'The % tier cannot trade live; upgrade or keep the bot on paper.', user_tier
      using errcode = 'OT002', constraint = 'bots_tier_allows_live';
  end if;
  if new.polling_frequency_minutes < rule.min_polling_minutes
     and (tg_op = 'INSERT' or old.polling_frequency_minutes is distinct from new.polling_frequency_minutes) then
    raise exception 'The % tier polls at most every % minutes.', user_tier, rule.min_polling_minutes
      using errcode = 'OT002', constraint = 'bots_tier_polling_frequency';
  end if;
  if tg_op = 'INSERT' then
    -- Serialise a user's concurrent inserts so two requests cannot both take the last slot.
    perform pg_advisory_xact_lock(hashtextextended('open-trade:bots:' || new.user_id::text, 0));
    select count(*) into bot_count from public.bots b where b.user_id = new.user_id;
    if bot_count >= rule.max_bots then
      raise exception 'The % tier allows % bots.', user_tier, rule.max_bots
        using errcode = 'OT002', constraint = 'bots_tier_bot_count';
    end if;
  end if;
  return new;
end;
$$;
revoke execute on function private.enforce_tier_on_bots() from public;

create trigger bots_enforce_tier
  before insert or update on public.bots
  for each row execute function private.enforce_tier_on_bots();
