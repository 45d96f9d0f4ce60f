-- The ledger's own order. created_at is the writing transaction's start (now()), so two writers can commit in a
-- different order than their created_at: a fill committed late can carry an earlier created_at than one a live
-- client has already seen, and a (created_at, id) cursor would skip it on replay. seq is drawn when the row is
-- inserted; the runner inserts a user's fills under that user's transaction lock (pg_advisory_xact_lock), so per
-- user seq follows commit order, and "everything after seq N" is exactly what a reconnecting client missed.
-- Existing rows are numbered in their physical order, which for an append-only table is their insertion order.

alter table public.trade_logs add column seq bigint generated always as identity;

comment on column public.trade_logs.seq is
  'Insertion order of the ledger (per user, commit order): live replay and the ledger fold go by it.';

create index trade_logs_bot_id_seq_idx on public.trade_logs (bot_id, seq);
