-- What the API (apps/api) needs: archiving a bot, local sign-in for the embedded mode (no Supabase Auth), and
-- change notifications for live updates. Local sign-in tables live in `private`, which the Data API never
-- exposes, with row level security on and no grant to any API role: only the API's own connection reads them.

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

-- A bot with ledger rows can never be deleted (the ledger references it), so a trader archives it instead.
alter table public.bots add column archived_at timestamptz;
comment on column public.bots.archived_at is 'When the user archived the bot (hidden, paused); NULL while in use.';

create table private.local_accounts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  email text not null,
  password_hash text not null,
  created_at timestamptz not null default now(),
  constraint local_accounts_email_format check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  constraint local_accounts_password_hash_format check (password_hash ~ '^scrypt\$')
);
create unique index local_accounts_email_key on private.local_accounts (lower(email));
comment on table private.local_accounts is 'Local (embedded) mode sign-in: an email and a scrypt password hash per auth user.';

create table private.refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  -- A SHA-256 of the token: a leaked table cannot be replayed.
  token_hash text not null,
  -- Every token rotated from one sign-in shares a family, so reuse of a spent token revokes the whole family.
  family_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  constraint refresh_tokens_token_hash_key unique (token_hash),
  constraint refresh_tokens_expires_after_created check (expires_at > created_at)
);
create index refresh_tokens_user_id_idx on private.refresh_tokens (user_id);
create index refresh_tokens_family_id_idx on private.refresh_tokens (family_id);
comment on table private.refresh_tokens is 'Local mode refresh tokens, stored hashed, single use (rotated), revoked on sign-out.';

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

grant update (archived_at) on table public.bots to authenticated;
revoke all on table private.local_accounts, private.refresh_tokens from public, anon, authenticated, service_role;

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

-- Live updates: an id (never the row, never a secret) on one channel, sent when the writing transaction commits.
-- The API's single listener loads the row under the subscriber's RLS.
create function private.notify_change() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  bot uuid;
begin
  -- A record field is resolved when the expression runs, so each table reads only the field it has.
  if tg_table_name = 'bots' then
    bot := new.id;
  else
    bot := new.bot_id;
  end if;
  perform pg_notify('open_trade_changes', json_build_object('table', tg_table_name, 'id', new.id, 'botId', bot)::text);
  return null;
end;
$$;
revoke execute on function private.notify_change() from public;

create trigger trade_logs_notify_change
  after insert on public.trade_logs
  for each row execute function private.notify_change();
create trigger bot_evaluations_notify_change
  after insert or update of outcome on public.bot_evaluations
  for each row execute function private.notify_change();
create trigger bots_notify_status_change
  after update of status, archived_at on public.bots
  for each row when (old.status is distinct from new.status or old.archived_at is distinct from new.archived_at)
  execute function private.notify_change();

------------------------------------------------------------------------------------------------------------
-- Row level security (no policy: nobody but the table owner reads these)
------------------------------------------------------------------------------------------------------------

alter table private.local_accounts enable row level security;
alter table private.refresh_tokens enable row level security;
