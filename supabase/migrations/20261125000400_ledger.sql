-- The ledger (trade_logs) and the positions derived from it.
-- trade_logs is the authoritative financial record: append-only for every role, the service role and the table
-- owner included, written only by the runner (service role). Users read their own bots' rows.
-- positions is derived from the ledger, so users read their own and only the service role writes.

------------------------------------------------------------------------------------------------------------
-- Types
------------------------------------------------------------------------------------------------------------

create type public.trade_type as enum ('paper', 'live');
create type public.trade_action as enum ('buy', 'sell');

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

create table public.trade_logs (
  id uuid primary key default gen_random_uuid(),
  -- restrict: a bot (or its user) with ledger rows can never be deleted, so no ledger row is ever lost.
  bot_id uuid not null references public.bots (id) on delete restrict,
  market_id text not null,
  type public.trade_type not null,
  action public.trade_action not null,
  size public.share_quantity not null,
  execution_price public.share_price not null,
  ai_reasoning text not null default '',
  created_at timestamptz not null default now(),
  recipe_snapshot jsonb not null default '{}',
  constraint trade_logs_market_id_not_blank check (length(btrim(market_id)) > 0),
  constraint trade_logs_size_positive check (size > 0),
  constraint trade_logs_recipe_snapshot_is_object check (jsonb_typeof(recipe_snapshot) = 'object')
);
comment on table public.trade_logs is 'Immutable ledger of every fill. Append-only: no role may update, delete or truncate it.';
comment on column public.trade_logs.bot_id is 'The bot that traded.';
comment on column public.trade_logs.market_id is 'Polymarket condition id.';
comment on column public.trade_logs.type is 'paper (simulated against the real book) or live.';
comment on column public.trade_logs.action is 'buy or sell.';
comment on column public.trade_logs.size is 'Number of shares filled, more than 0.';
comment on column public.trade_logs.execution_price is 'Actual (or simulated) fill price, 0 to 1.';
comment on column public.trade_logs.ai_reasoning is 'The exact rationale returned by the model (or the rules that fired).';
comment on column public.trade_logs.created_at is 'When the fill was recorded.';
comment on column public.trade_logs.recipe_snapshot is 'Frozen copy of the recipe that produced the trade.';

create index trade_logs_bot_id_created_at_idx on public.trade_logs (bot_id, created_at desc);
create index trade_logs_market_id_idx on public.trade_logs (market_id);

create table public.positions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  market_id text not null,
  type public.trade_type not null,
  total_shares public.share_quantity not null default 0,
  average_entry_price public.share_price not null default 0,
  updated_at timestamptz not null default now(),
  correlated_markets text[] not null default '{}',
  constraint positions_user_id_market_id_type_key unique (user_id, market_id, type),
  constraint positions_market_id_not_blank check (length(btrim(market_id)) > 0),
  constraint positions_correlated_markets_no_nulls check (array_position(correlated_markets, null) is null)
);
comment on table public.positions is 'A user''s holdings per market and mode, derived from the ledger by the runner.';
comment on column public.positions.user_id is 'The owner.';
comment on column public.positions.market_id is 'Polymarket condition id.';
comment on column public.positions.type is 'paper or live; the two never mix.';
comment on column public.positions.total_shares is 'Shares held, never negative.';
comment on column public.positions.average_entry_price is 'Average entry price of the shares held, 0 to 1.';
comment on column public.positions.updated_at is 'Kept by trigger on every update.';
comment on column public.positions.correlated_markets is 'Related condition ids whose exposure counts together (hedging rules).';

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

revoke all on table public.trade_logs, public.positions from anon, authenticated, service_role;

grant select on table public.trade_logs to authenticated;
grant select, insert on table public.trade_logs to service_role;

grant select on table public.positions to authenticated;
grant select, insert, update, delete on table public.positions to service_role;

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

-- Grants stop the API roles; these triggers stop everyone else, the owner and superusers included.
-- They are enabled ALWAYS so that session_replication_role = replica does not skip them.
create function private.refuse_ledger_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'trade_logs is append-only: % is not allowed', tg_op
    using errcode = 'OT001',
          hint = 'Record a correcting trade instead of changing or removing a ledger row.';
end;
$$;
revoke execute on function private.refuse_ledger_change() from public;

create trigger trade_logs_refuse_update_or_delete
  before update or delete on public.trade_logs
  for each row execute function private.refuse_ledger_change();
create trigger trade_logs_refuse_truncate
  before truncate on public.trade_logs
  for each statement execute function private.refuse_ledger_change();
alter table public.trade_logs enable always trigger trade_logs_refuse_update_or_delete;
alter table public.trade_logs enable always trigger trade_logs_refuse_truncate;

create trigger positions_set_updated_at
  before update on public.positions
  for each row execute function private.set_updated_at();

------------------------------------------------------------------------------------------------------------
-- Row level security and policies
------------------------------------------------------------------------------------------------------------

alter table public.trade_logs enable row level security;
alter table public.positions enable row level security;

create policy "Users can read their own bots' trades"
  on public.trade_logs for select to authenticated
  using (bot_id in (select private.owned_bot_ids()));

create policy "Users can read their own positions"
  on public.positions for select to authenticated
  using (user_id = (select auth.uid()));
