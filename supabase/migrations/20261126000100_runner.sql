-- What the runner (apps/runner) needs to run bots safely: a lease per bot (the job queue), a record of every
-- evaluation (users read their own, so the dashboard can say why a bot did nothing), write-ahead order intents
-- (an order's identity is stored before it is sent, so a crash or retry can never place it twice), and the
-- ledger columns a fill needs to be folded back into a position exactly (token, fee, a unique fill key).

------------------------------------------------------------------------------------------------------------
-- Types
------------------------------------------------------------------------------------------------------------

create type public.evaluation_outcome as enum ('running', 'filled', 'hold', 'denied', 'skipped', 'failed');
comment on type public.evaluation_outcome is 'running until the evaluation ends; then what it came to.';

create type public.order_intent_status as enum ('prepared', 'submitted', 'filled', 'rejected', 'ambiguous', 'abandoned');
comment on type public.order_intent_status is 'prepared (written ahead) -> submitted -> filled or rejected; ambiguous when the exchange''s answer was lost; abandoned when nothing can have been placed.';

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

alter table public.trade_logs
  add column token_id text,
  add column fee_usd public.usd_amount not null default 0,
  add column order_id text,
  add column fill_key text,
  add constraint trade_logs_token_id_not_blank check (length(btrim(token_id)) > 0),
  add constraint trade_logs_fee_usd_not_negative check (fee_usd >= 0),
  add constraint trade_logs_fill_key_key unique (fill_key);
comment on column public.trade_logs.token_id is 'CLOB outcome token that was traded; NULL only on rows written before the runner recorded it.';
comment on column public.trade_logs.fee_usd is 'Fee paid on this fill, booked to realized PnL.';
comment on column public.trade_logs.order_id is 'The order''s deterministic identity (order_intents.order_id).';
comment on column public.trade_logs.fill_key is 'Unique per fill (order id + exchange trade id), so a retry can never record a fill twice.';

alter table public.positions
  add column bot_id uuid references public.bots (id) on delete restrict,
  add column token_id text,
  add column cost_basis_usd public.usd_amount not null default 0,
  add column realized_pnl_usd public.usd_amount not null default 0,
  drop constraint positions_user_id_market_id_type_key,
  add constraint positions_token_id_not_blank check (length(btrim(token_id)) > 0),
  add constraint positions_cost_basis_usd_not_negative check (cost_basis_usd >= 0),
  add constraint positions_holding_key unique nulls not distinct (user_id, bot_id, market_id, token_id, type);
comment on column public.positions.bot_id is 'The bot whose fills built the position (budgets are per bot); NULL only on rows from before the runner.';
comment on column public.positions.token_id is 'The outcome token held; NULL only on rows from before the runner.';
comment on column public.positions.cost_basis_usd is 'Exact cost of the shares still held, excluding fees (average_entry_price is derived from it, rounded up).';
comment on column public.positions.realized_pnl_usd is 'Realized PnL of this holding net of fees; with cost basis it makes the row an exact fold of the ledger.';

create table public.bot_schedule (
  bot_id uuid primary key references public.bots (id) on delete cascade,
  next_run_at timestamptz not null default now(),
  lease_owner text,
  lease_expires_at timestamptz,
  consecutive_failures integer not null default 0,
  last_error text,
  daily_loss_reached_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint bot_schedule_consecutive_failures_not_negative check (consecutive_failures >= 0),
  constraint bot_schedule_lease_complete check ((lease_owner is null) = (lease_expires_at is null)),
  constraint bot_schedule_last_error_length check (length(last_error) <= 2000)
);
comment on table public.bot_schedule is 'The runner''s job queue: one row per bot, claimed as a lease so a bot never has two evaluations at once.';
comment on column public.bot_schedule.bot_id is 'The bot.';
comment on column public.bot_schedule.next_run_at is 'When the bot is next due (polling interval, never shorter than the tier allows).';
comment on column public.bot_schedule.lease_owner is 'The runner process evaluating the bot now; NULL when idle.';
comment on column public.bot_schedule.lease_expires_at is 'After this a dead runner''s lease may be claimed by another.';
comment on column public.bot_schedule.consecutive_failures is 'Failed evaluations in a row; the bot moves to error after too many.';
comment on column public.bot_schedule.last_error is 'Why the last evaluation failed, in words a user can act on.';
comment on column public.bot_schedule.daily_loss_reached_at is 'When the bot last reached its daily loss limit; it stays reduce-only for the rest of that day.';
comment on column public.bot_schedule.updated_at is 'Kept by trigger on every update.';

create index bot_schedule_next_run_at_idx on public.bot_schedule (next_run_at);

create table public.bot_evaluations (
  id uuid primary key default gen_random_uuid(),
  bot_id uuid not null references public.bots (id) on delete cascade,
  runner_id text not null,
  mode public.trade_type not null,
  outcome public.evaluation_outcome not null default 'running',
  reason text not null default '',
  denial_codes text[] not null default '{}',
  decided_by text,
  market_id text,
  trading_state text not null default 'ACTIVE',
  model_id text,
  llm_reserved_usd public.usd_amount not null default 0,
  llm_cost_usd numeric not null default 0,
  llm_billed_usd public.usd_amount not null default 0,
  llm_input_tokens integer not null default 0,
  llm_output_tokens integer not null default 0,
  timings_ms jsonb not null default '{}',
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  constraint bot_evaluations_reason_length check (length(reason) <= 2000),
  constraint bot_evaluations_trading_state_known check (trading_state in ('ACTIVE', 'REDUCING', 'HALTED')),
  constraint bot_evaluations_llm_reserved_usd_not_negative check (llm_reserved_usd >= 0),
  constraint bot_evaluations_llm_cost_usd_not_negative check (llm_cost_usd >= 0),
  constraint bot_evaluations_llm_billed_usd_not_negative check (llm_billed_usd >= 0),
  constraint bot_evaluations_llm_tokens_not_negative check (llm_input_tokens >= 0 and llm_output_tokens >= 0),
  constraint bot_evaluations_timings_ms_is_object check (jsonb_typeof(timings_ms) = 'object'),
  constraint bot_evaluations_finished_when_done check ((outcome = 'running') = (finished_at is null))
);
comment on table public.bot_evaluations is 'One row per evaluation of a bot, holds and denials included, so the dashboard can say why a bot did nothing.';
comment on column public.bot_evaluations.bot_id is 'The bot evaluated.';
comment on column public.bot_evaluations.runner_id is 'The runner process that evaluated it.';
comment on column public.bot_evaluations.mode is 'paper or live, from the bot''s status when the evaluation began.';
comment on column public.bot_evaluations.outcome is 'running, then filled, hold, denied, skipped or failed.';
comment on column public.bot_evaluations.reason is 'Why, in words: the decision''s reasoning, the skip or the failure.';
comment on column public.bot_evaluations.denial_codes is 'The risk engine''s denial codes, in check order.';
comment on column public.bot_evaluations.decided_by is 'Model id that decided, or local/rules.';
comment on column public.bot_evaluations.market_id is 'Condition id the decision concerned, if any.';
comment on column public.bot_evaluations.trading_state is 'ACTIVE, REDUCING (daily loss limit: reduce-only) or HALTED.';
comment on column public.bot_evaluations.model_id is 'The model asked, when one was.';
comment on column public.bot_evaluations.llm_reserved_usd is 'Worst-case model cost reserved before the call; counts against the daily cap while running.';
comment on column public.bot_evaluations.llm_cost_usd is 'Exact model cost as the provider reported it (may have more than 6 decimals).';
comment on column public.bot_evaluations.llm_billed_usd is 'Model cost rounded up to the micro-dollar; summed per UTC day against max_daily_llm_cost_usd.';
comment on column public.bot_evaluations.llm_input_tokens is 'Input tokens over every model call of the evaluation.';
comment on column public.bot_evaluations.llm_output_tokens is 'Output tokens over every model call of the evaluation.';
comment on column public.bot_evaluations.timings_ms is 'Milliseconds per pipeline step, e.g. {"load":3,"decide":120}.';
comment on column public.bot_evaluations.started_at is 'When the evaluation began.';
comment on column public.bot_evaluations.finished_at is 'When it ended; NULL while running.';

create index bot_evaluations_bot_id_started_at_idx on public.bot_evaluations (bot_id, started_at desc);

create table public.order_intents (
  id uuid primary key default gen_random_uuid(),
  order_id text not null,
  bot_id uuid not null references public.bots (id) on delete restrict,
  user_id uuid not null references public.users (id) on delete restrict,
  evaluation_id uuid references public.bot_evaluations (id) on delete set null,
  mode public.trade_type not null,
  market_id text not null,
  token_id text not null,
  action public.trade_action not null,
  size public.share_quantity not null,
  limit_price public.share_price not null,
  status public.order_intent_status not null default 'prepared',
  prepared_order jsonb not null,
  failure_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint order_intents_order_id_key unique (order_id),
  constraint order_intents_size_positive check (size > 0),
  constraint order_intents_prepared_order_is_object check (jsonb_typeof(prepared_order) = 'object')
);
comment on table public.order_intents is 'Write-ahead record of every order, stored with its deterministic identity before it is sent.';
comment on column public.order_intents.order_id is 'The order''s identity, fixed before submission (PreparedOrder.orderId).';
comment on column public.order_intents.bot_id is 'The bot placing it.';
comment on column public.order_intents.user_id is 'The bot''s owner; in-flight BUY intents count against the owner''s budgets.';
comment on column public.order_intents.evaluation_id is 'The evaluation that decided it.';
comment on column public.order_intents.mode is 'paper or live.';
comment on column public.order_intents.market_id is 'Polymarket condition id.';
comment on column public.order_intents.token_id is 'The outcome token.';
comment on column public.order_intents.action is 'buy or sell.';
comment on column public.order_intents.size is 'Shares, exactly as submitted.';
comment on column public.order_intents.limit_price is 'Limit price, exactly as submitted.';
comment on column public.order_intents.status is 'Where the order stands; ambiguous and submitted rows are reconciled before the bot places anything new.';
comment on column public.order_intents.prepared_order is 'The prepared (for live: signed) order, resubmitted as-is on a retry.';
comment on column public.order_intents.failure_code is 'The execution failure code when rejected or ambiguous.';
comment on column public.order_intents.created_at is 'When it was written ahead.';
comment on column public.order_intents.updated_at is 'Kept by trigger on every update.';

create index order_intents_bot_id_status_idx on public.order_intents (bot_id, status);
create index order_intents_user_id_status_idx on public.order_intents (user_id, status);

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

revoke all on table public.bot_schedule, public.bot_evaluations, public.order_intents from anon, authenticated, service_role;

grant select, insert, update, delete on table public.bot_schedule to service_role;

grant select on table public.bot_evaluations to authenticated;
grant select, insert, update on table public.bot_evaluations to service_role;

grant select, insert, update on table public.order_intents to service_role;

------------------------------------------------------------------------------------------------------------
-- Triggers
------------------------------------------------------------------------------------------------------------

create trigger bot_schedule_set_updated_at
  before update on public.bot_schedule
  for each row execute function private.set_updated_at();

create trigger order_intents_set_updated_at
  before update on public.order_intents
  for each row execute function private.set_updated_at();

------------------------------------------------------------------------------------------------------------
-- Row level security and policies (bot_schedule and order_intents are backend-only: no policy admits a user)
------------------------------------------------------------------------------------------------------------

alter table public.bot_schedule enable row level security;
alter table public.bot_evaluations enable row level security;
alter table public.order_intents enable row level security;

create policy "Users can read their own bots' evaluations"
  on public.bot_evaluations for select to authenticated
  using (bot_id in (select private.owned_bot_ids()));
