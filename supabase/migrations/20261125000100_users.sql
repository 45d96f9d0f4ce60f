-- Users, their risk defaults, and the pieces every later migration shares:
-- the `private` schema for helpers the Data API must not expose, exact money domains, and updated_at upkeep.
-- Section order (every migration): schemas and types, tables, grants, triggers, row level security, policies.

------------------------------------------------------------------------------------------------------------
-- Schemas and types
------------------------------------------------------------------------------------------------------------

-- Helpers called from policies and triggers. Not listed in config.toml [api].schemas, so never exposed.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Money is exact and never silently rounded: a value with more than 6 decimals (micro-USDC) is refused,
-- not rounded, so the application's exact types always round-trip.
create domain public.usd_amount as numeric
  constraint usd_amount_at_most_6_decimals check (scale(value) <= 6);
comment on domain public.usd_amount is 'A USD (USDC) amount with at most 6 decimals.';

create domain public.share_price as numeric
  constraint share_price_at_most_6_decimals check (scale(value) <= 6)
  constraint share_price_between_0_and_1 check (value >= 0 and value <= 1);
comment on domain public.share_price is 'A price per outcome share, in USD, from 0 to 1, with at most 6 decimals.';

create domain public.share_quantity as numeric
  constraint share_quantity_at_most_6_decimals check (scale(value) <= 6)
  constraint share_quantity_not_negative check (value >= 0);
comment on domain public.share_quantity is 'A number of outcome shares, never negative, with at most 6 decimals.';

create type public.user_tier as enum ('free', 'basic', 'pro');
comment on type public.user_tier is 'What a user pays for. Changed only by the service role.';

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

create table public.users (
  id uuid primary key references auth.users (id) on delete cascade,
  tier public.user_tier not null default 'free',
  created_at timestamptz not null default now()
);
comment on table public.users is 'One row per Supabase Auth user, created by trigger when the auth user is created.';
comment on column public.users.id is 'Matches auth.uid(). Deleting the auth user cascades here (and is refused while ledger rows exist).';
comment on column public.users.tier is 'Subscription tier; decides polling frequency, bot count and live trading. Not user-writable.';
comment on column public.users.created_at is 'When the account was created.';

create table public.user_risk_profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  default_daily_loss_usd public.usd_amount not null default 100.00,
  default_position_size_usd public.usd_amount not null default 500.00,
  default_slippage_threshold_percent numeric not null default 2.0,
  global_risk_budget_usd public.usd_amount,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_risk_profiles_user_id_key unique (user_id),
  constraint user_risk_profiles_default_daily_loss_usd_not_negative check (default_daily_loss_usd >= 0),
  constraint user_risk_profiles_default_position_size_usd_not_negative check (default_position_size_usd >= 0),
  constraint user_risk_profiles_default_slippage_threshold_percent_in_range
    check (default_slippage_threshold_percent >= 0 and default_slippage_threshold_percent <= 100),
  constraint user_risk_profiles_global_risk_budget_usd_not_negative check (global_risk_budget_usd >= 0)
);
comment on table public.user_risk_profiles is 'User-level risk defaults; a bot''s NULL limit falls back to these.';
comment on column public.user_risk_profiles.user_id is 'The owner; exactly one profile per user.';
comment on column public.user_risk_profiles.default_daily_loss_usd is 'Daily loss limit for bots that set none.';
comment on column public.user_risk_profiles.default_position_size_usd is 'Position size limit for bots that set none.';
comment on column public.user_risk_profiles.default_slippage_threshold_percent is 'Slippage tolerance in percent for bots that set none.';
comment on column public.user_risk_profiles.global_risk_budget_usd is 'Total risk budget across all the user''s bots; NULL means unlimited.';
comment on column public.user_risk_profiles.created_at is 'When the profile was created.';
comment on column public.user_risk_profiles.updated_at is 'Kept by trigger on every update.';

------------------------------------------------------------------------------------------------------------
-- Grants (Supabase grants ALL on new public tables to anon, authenticated and service_role: take it back)
------------------------------------------------------------------------------------------------------------

revoke all on table public.users, public.user_risk_profiles from anon, authenticated, service_role;

-- users has no column a user may change: tier is what they pay for, id and created_at are facts.
grant select on table public.users to authenticated;
grant select, insert, update on table public.users to service_role;

grant select on table public.user_risk_profiles to authenticated;
grant update (default_daily_loss_usd, default_position_size_usd, default_slippage_threshold_percent,
  global_risk_budget_usd) on table public.user_risk_profiles to authenticated;
grant select, insert, update on table public.user_risk_profiles to service_role;

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
revoke execute on function private.set_updated_at() from public;

-- Column grants cannot protect system columns on INSERT (an ORM sends DEFAULT for every column it does not set,
-- and DEFAULT needs the column's privilege), so the system sets them instead of trusting the row.
create function private.set_created_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := now();
  return new;
end;
$$;
revoke execute on function private.set_created_at() from public;

create trigger user_risk_profiles_set_updated_at
  before update on public.user_risk_profiles
  for each row execute function private.set_updated_at();

-- Every auth user gets a users row and a risk profile with the spec's defaults, in the same transaction.
create function private.create_user_rows() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.users (id) values (new.id);
  insert into public.user_risk_profiles (user_id) values (new.id);
  return new;
end;
$$;
revoke execute on function private.create_user_rows() from public;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.create_user_rows();

------------------------------------------------------------------------------------------------------------
-- Row level security and policies
------------------------------------------------------------------------------------------------------------

alter table public.users enable row level security;
alter table public.user_risk_profiles enable row level security;

create policy "Users can read their own row"
  on public.users for select to authenticated
  using (id = (select auth.uid()));

create policy "Users can read their own risk profile"
  on public.user_risk_profiles for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Users can update their own risk profile"
  on public.user_risk_profiles for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
