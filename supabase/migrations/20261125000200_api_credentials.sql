-- Polymarket credentials: L2 API key, secret and passphrase, and the private key that signs orders.
-- Encrypted in the application (AES-256-GCM, key outside the database; see packages/db/src/credentials),
-- because pgcrypto would put the key into SQL text that statement logging can record.
-- A user may store and delete their own; nobody but the service role reads a stored value back.

------------------------------------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------------------------------------

create table public.api_credentials (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  api_key text,
  api_secret text,
  passphrase text,
  created_at timestamptz not null default now(),
  private_key text not null,
  -- A plaintext secret can never be stored by mistake: every value must be one of our ciphertext envelopes.
  constraint api_credentials_api_key_is_ciphertext check (api_key ~ '^otc1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  constraint api_credentials_api_secret_is_ciphertext check (api_secret ~ '^otc1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  constraint api_credentials_passphrase_is_ciphertext check (passphrase ~ '^otc1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  constraint api_credentials_private_key_is_ciphertext check (private_key ~ '^otc1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  -- The L2 trio is created or derived from the private key together, so it is all there or all missing.
  constraint api_credentials_l2_complete check (
    (api_key is null and api_secret is null and passphrase is null)
    or (api_key is not null and api_secret is not null and passphrase is not null)
  )
);
comment on table public.api_credentials is 'Encrypted Polymarket credentials. Write-only for users; read only by the service role.';
comment on column public.api_credentials.user_id is 'The owner.';
comment on column public.api_credentials.api_key is 'L2 API key, encrypted (otc1 envelope bound to row, user and column). NULL until derived.';
comment on column public.api_credentials.api_secret is 'L2 API secret, encrypted like api_key.';
comment on column public.api_credentials.passphrase is 'L2 API passphrase, encrypted like api_key.';
comment on column public.api_credentials.created_at is 'When the credentials were stored.';
comment on column public.api_credentials.private_key is 'Wallet private key for EIP-712 order signing, encrypted; decrypted in memory only for one order.';

create index api_credentials_user_id_idx on public.api_credentials (user_id);

------------------------------------------------------------------------------------------------------------
-- Grants
------------------------------------------------------------------------------------------------------------

revoke all on table public.api_credentials from anon, authenticated, service_role;

-- Users may see that a credential exists (to list and delete it) but never a stored value, not even ciphertext.
grant select (id, user_id, created_at) on table public.api_credentials to authenticated;
grant insert on table public.api_credentials to authenticated;
grant delete on table public.api_credentials to authenticated;
grant select, insert, update, delete on table public.api_credentials to service_role;

------------------------------------------------------------------------------------------------------------
-- Triggers
------------------------------------------------------------------------------------------------------------

create trigger api_credentials_set_created_at
  before insert on public.api_credentials
  for each row execute function private.set_created_at();

------------------------------------------------------------------------------------------------------------
-- Row level security and policies
------------------------------------------------------------------------------------------------------------

alter table public.api_credentials enable row level security;

create policy "Users can see which credentials they have stored"
  on public.api_credentials for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Users can store their own credentials"
  on public.api_credentials for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy "Users can delete their own credentials"
  on public.api_credentials for delete to authenticated
  using (user_id = (select auth.uid()));
