-- Per-user, per-market coordination locks that keep two of a user's bots from trading one market at once.
-- Backend only: users cannot see or touch them.

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

create table public.bot_coordination_locks (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  market_id text not null,
  locked_by_bot_id uuid not null references public.bots (id) on delete cascade,
  locked_at timestamptz not null default now(),
  expires_at timestamptz not null,
  constraint bot_coordination_locks_user_id_market_id_key unique (user_id, market_id),
  constraint bot_coordination_locks_market_id_not_blank check (length(btrim(market_id)) > 0),
  constraint bot_coordination_locks_expires_after_locked check (expires_at > locked_at)
);
comment on table public.bot_coordination_locks is 'One lock per user and market; it expires by itself if its holder dies.';
comment on column public.bot_coordination_locks.user_id is 'The user whose bots coordinate.';
comment on column public.bot_coordination_locks.market_id is 'Polymarket condition id being traded.';
comment on column public.bot_coordination_locks.locked_by_bot_id is 'The bot holding the lock.';
comment on column public.bot_coordination_locks.locked_at is 'When the lock was taken.';
comment on column public.bot_coordination_locks.expires_at is 'After this the lock is free to take, whoever held it.';

create index bot_coordination_locks_locked_by_bot_id_idx on public.bot_coordination_locks (locked_by_bot_id);
create index bot_coordination_locks_expires_at_idx on public.bot_coordination_locks (expires_at);

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

revoke all on table public.bot_coordination_locks from anon, authenticated, service_role;
grant select, insert, update, delete on table public.bot_coordination_locks to service_role;

------------------------------------------------------------------------------------------------------------
-- Row level security (no policies: only the service role, which bypasses RLS, may use it)
------------------------------------------------------------------------------------------------------------

alter table public.bot_coordination_locks enable row level security;
