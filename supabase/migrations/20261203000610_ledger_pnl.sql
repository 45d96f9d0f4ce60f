-- Realized PnL per bot, mode and UTC day, and each holding's running fold, kept in the ledger's own writing
-- transaction, so the dashboard reads a few rows instead of folding a user's whole history on every request
-- (PnL per day, the bot list's PnL today, the positions' fees and their last fill's evaluation read these).
--
-- Both tables are derived: a trigger on trade_logs books every new fill with the risk engine's accounting
-- (average cost; a buy adds its notional rounded up, a sale removes a proportional share of cost basis rounded
-- down, or all of it when it empties the holding, and realizes its proceeds rounded down; fees always hit
-- realized PnL), in integer micro-units so no rounding differs from @open-trade/risk-engine's applyFill.
-- private.rebuild_ledger_pnl() recomputes both from the ledger alone; packages/db/src/queries/ledger-pnl.test.ts
-- proves the trigger, the rebuild and the TypeScript fold of the ledger agree on random fills.
-- The ledger stays append-only; only these functions (their owner) write the derived tables.

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

create table public.ledger_holdings (
  bot_id uuid not null references public.bots (id) on delete cascade,
  type public.trade_type not null,
  token_key text not null,
  shares public.share_quantity not null,
  cost_basis_usd public.usd_amount not null,
  realized_pnl_usd public.usd_amount not null,
  fees_usd public.usd_amount not null,
  fills integer not null,
  last_evaluation_id uuid,
  constraint ledger_holdings_pkey primary key (bot_id, type, token_key)
);
comment on table public.ledger_holdings is 'The ledger folded per bot, mode and token (derived; rebuild with private.rebuild_ledger_pnl()).';
comment on column public.ledger_holdings.token_key is 'coalesce(token_id, market_id) of the fills: the fold''s key.';
comment on column public.ledger_holdings.shares is 'Shares held after every fill so far.';
comment on column public.ledger_holdings.cost_basis_usd is 'Cost of the shares held, excluding fees.';
comment on column public.ledger_holdings.realized_pnl_usd is 'Realized PnL net of fees.';
comment on column public.ledger_holdings.fees_usd is 'Fees paid on this holding''s fills.';
comment on column public.ledger_holdings.fills is 'Number of fills folded.';
comment on column public.ledger_holdings.last_evaluation_id is 'evaluation_id of the latest fill: the decision trace of the holding''s last trade (NULL when that fill has none).';

create table public.ledger_pnl_days (
  bot_id uuid not null references public.bots (id) on delete cascade,
  type public.trade_type not null,
  day date not null,
  realized_pnl_usd public.usd_amount not null,
  fills integer not null,
  constraint ledger_pnl_days_pkey primary key (bot_id, type, day)
);
comment on table public.ledger_pnl_days is 'Realized PnL (net of fees) and fill count per bot, mode and UTC day of created_at (derived; rebuild with private.rebuild_ledger_pnl()).';
comment on column public.ledger_pnl_days.day is 'UTC day of the fills'' created_at.';
comment on column public.ledger_pnl_days.realized_pnl_usd is 'Realized PnL of that day''s fills, net of their fees.';
comment on column public.ledger_pnl_days.fills is 'Number of fills that day.';

-- A bot gains one row a day, so its month lies on 30 different pages: the values ride in this index, and "PnL per
-- day over 30 days" reads the user's bots' rows from it alone (index-only) instead of fetching 30 pages per bot.
create index ledger_pnl_days_values_idx on public.ledger_pnl_days (bot_id, type, day, realized_pnl_usd, fills);

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

revoke all on table public.ledger_holdings, public.ledger_pnl_days from anon, authenticated, service_role;
grant select on table public.ledger_holdings, public.ledger_pnl_days to authenticated, service_role;

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

-- Books one fill. Amounts are scaled to integer micro-units (numeric, so nothing overflows); div() truncates,
-- which is floor for the non-negative quantities it divides.
create function private.book_ledger_fill(fill public.trade_logs) returns void
language plpgsql
set search_path = ''
as $$
declare
  key constant text := coalesce(fill.token_id, fill.market_id);
  held public.ledger_holdings;
  size_m constant numeric := fill.size * 1000000;
  fee_m constant numeric := fill.fee_usd * 1000000;
  notional_e12 constant numeric := fill.size * fill.execution_price * 1000000000000;
  shares_m numeric;
  cost_m numeric;
  removed_m numeric;
  realized_m numeric;
begin
  insert into public.ledger_holdings (bot_id, type, token_key, shares, cost_basis_usd, realized_pnl_usd, fees_usd, fills)
  values (fill.bot_id, fill.type, key, 0, 0, 0, 0, 0)
  on conflict on constraint ledger_holdings_pkey do nothing;
  select * into strict held from public.ledger_holdings h
   where h.bot_id = fill.bot_id and h.type = fill.type and h.token_key = key
     for update;
  shares_m := held.shares * 1000000;
  cost_m := held.cost_basis_usd * 1000000;
  if fill.action = 'buy' then
    shares_m := shares_m + size_m;
    cost_m := cost_m + div(notional_e12 + 999999, 1000000);
    realized_m := -fee_m;
  else
    if size_m > shares_m then
      raise exception 'trade_logs: bot % sells % shares of % (%) while holding %', fill.bot_id, fill.size, key,
        fill.type, held.shares
        using errcode = 'check_violation',
              hint = 'A fill can only sell shares its bot holds in that token and mode.';
    end if;
    removed_m := case when size_m = shares_m then cost_m else div(cost_m * size_m, shares_m) end;
    realized_m := div(notional_e12, 1000000) - removed_m - fee_m;
    shares_m := shares_m - size_m;
    cost_m := cost_m - removed_m;
  end if;
  update public.ledger_holdings h
     set shares = round(shares_m / 1000000, 6), cost_basis_usd = round(cost_m / 1000000, 6),
         realized_pnl_usd = h.realized_pnl_usd + round(realized_m / 1000000, 6),
         fees_usd = h.fees_usd + fill.fee_usd, fills = h.fills + 1, last_evaluation_id = fill.evaluation_id
   where h.bot_id = fill.bot_id and h.type = fill.type and h.token_key = key;
  insert into public.ledger_pnl_days as d (bot_id, type, day, realized_pnl_usd, fills)
  values (fill.bot_id, fill.type, (fill.created_at at time zone 'UTC')::date, round(realized_m / 1000000, 6), 1)
  on conflict on constraint ledger_pnl_days_pkey do update
    set realized_pnl_usd = d.realized_pnl_usd + excluded.realized_pnl_usd, fills = d.fills + 1;
end;
$$;
revoke execute on function private.book_ledger_fill(public.trade_logs) from public;

create function private.book_new_ledger_fill() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.book_ledger_fill(new);
  return null;
end;
$$;
revoke execute on function private.book_new_ledger_fill() from public;

-- After insert, so created_at is the one private.set_created_at stamped. Always, like the ledger's other triggers.
create trigger trade_logs_book_fill
  after insert on public.trade_logs
  for each row execute function private.book_new_ledger_fill();
alter table public.trade_logs enable always trigger trade_logs_book_fill;

-- Recomputes both tables from the ledger alone, in the ledger's order (seq). Blocks ledger writes meanwhile.
create function private.rebuild_ledger_pnl() returns void
language plpgsql
set search_path = ''
as $$
declare
  fill public.trade_logs;
begin
  lock table public.trade_logs in share mode;
  delete from public.ledger_pnl_days;
  delete from public.ledger_holdings;
  for fill in select * from public.trade_logs order by seq loop
    perform private.book_ledger_fill(fill);
  end loop;
end;
$$;
revoke execute on function private.rebuild_ledger_pnl() from public;

select private.rebuild_ledger_pnl();

------------------------------------------------------------------------------------------------------------
-- Row level security and policies
------------------------------------------------------------------------------------------------------------

alter table public.ledger_holdings enable row level security;
alter table public.ledger_pnl_days enable row level security;

create policy "Users can read their own bots' holdings"
  on public.ledger_holdings for select to authenticated
  using (bot_id in (select private.owned_bot_ids()));

create policy "Users can read their own bots' PnL per day"
  on public.ledger_pnl_days for select to authenticated
  using (bot_id in (select private.owned_bot_ids()));
