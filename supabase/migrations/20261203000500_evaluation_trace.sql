-- The decision trace: what the bot saw, what it decided, how every risk check judged it, what was sent and
-- what it held afterwards, kept with the evaluation so a trader can read why a trade happened (or did not)
-- without the runner's logs. And the link from each fill back to the evaluation that made it.
--
-- The trace's shape is `evaluationTraceSchema` in packages/db/src/schema/evaluation-trace.ts (version 1);
-- every amount in it is an exact decimal string. It is bounded so a runaway trace cannot bloat the table.

alter table public.bot_evaluations
  add column trace jsonb not null default '{}'
    constraint bot_evaluations_trace_is_object check (jsonb_typeof(trace) = 'object')
    constraint bot_evaluations_trace_size check (pg_column_size(trace) <= 65536);

comment on column public.bot_evaluations.trace is
  'Decision trace (version 1): market snapshot seen, decision, one row per risk check (limit, value, verdict), order, position before and after. {} when the evaluation ended before deciding.';

-- A fill made by an evaluation points at it; fills from reconciliation after a crash may not know it (NULL).
-- No cascade: the ledger never loses a row, and a bot with ledger rows can never be deleted anyway.
alter table public.trade_logs
  add column evaluation_id uuid references public.bot_evaluations (id);

comment on column public.trade_logs.evaluation_id is
  'The evaluation whose decision made this fill; NULL for fills found by reconciliation without one.';

create index trade_logs_evaluation_id_idx on public.trade_logs (evaluation_id) where evaluation_id is not null;
