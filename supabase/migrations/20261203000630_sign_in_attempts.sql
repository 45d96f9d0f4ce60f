-- Local-mode sign-in rate limits, shared by every API process on the database. In memory, each process behind a
-- load balancer counted alone, so N processes gave an attacker N times the attempts. Fixed windows per key
-- ("<signing key id>|account:<email>", "…|signup:<address>", "…|address:<address>"): every process of one deployment
-- shares its signing key, so it shares the counts. The API's own connection reads and writes them,
-- like private.local_accounts: no API role has any grant here.

create table private.sign_in_attempts (
  key text primary key,
  attempts integer not null,
  window_ends_at timestamptz not null,
  constraint sign_in_attempts_attempts_positive check (attempts > 0)
);
comment on table private.sign_in_attempts is 'Failed sign-in (and sign-up) attempts per account or address in the current window; expired rows are deleted as new ones are counted.';

create index sign_in_attempts_window_ends_at_idx on private.sign_in_attempts (window_ends_at);

revoke all on table private.sign_in_attempts from public, anon, authenticated, service_role;
alter table private.sign_in_attempts enable row level security;
