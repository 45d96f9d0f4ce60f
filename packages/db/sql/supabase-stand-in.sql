-- What a Supabase project provides before any migration runs, for plain PostgreSQL 15+ and PGlite.
-- Applied by the migration runner only when the target is not Supabase; safe to apply again.
-- Definitions follow supabase/postgres init scripts and supabase/auth migrations (current forms).

-- The API roles. service_role bypasses RLS, as on Supabase; all three inherit (Supabase changed that in 2023).
-- Roles are cluster-wide: touch them only when something differs, and tolerate another database's migrator
-- creating them at the same moment, so concurrent runs against one cluster never collide.
do $$
declare
  wanted record;
begin
  for wanted in select * from (values ('anon', false), ('authenticated', false), ('service_role', true)) as w(name, bypass)
  loop
    if not exists (select 1 from pg_roles where rolname = wanted.name) then
      begin
        execute format('create role %I nologin inherit %s', wanted.name, case when wanted.bypass then 'bypassrls' else 'nobypassrls' end);
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
    if exists (select 1 from pg_roles where rolname = wanted.name and not rolinherit) then
      execute format('alter role %I inherit', wanted.name);
    end if;
  end loop;
  if not exists (select 1 from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
                 where r.rolname = 'anon' and 'statement_timeout=3s' = any(s.setconfig)) then
    alter role anon set statement_timeout = '3s';
  end if;
  if not exists (select 1 from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
                 where r.rolname = 'authenticated' and 'statement_timeout=8s' = any(s.setconfig)) then
    alter role authenticated set statement_timeout = '8s';
  end if;
end;
$$;

create schema if not exists auth;
create schema if not exists extensions;

-- The columns of auth.users that this project and its tests use.
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text,
  raw_app_meta_data jsonb not null default '{}',
  raw_user_meta_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- nullif(..., ''): once a transaction that set a claim has ended, the setting reads '' instead of NULL.
create or replace function auth.uid() returns uuid
language sql stable
set search_path to ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
set search_path to ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
set search_path to ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
set search_path to ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant usage on schema auth to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
grant usage on schema extensions to anon, authenticated, service_role;

-- Supabase's default grants: everything created in public is open to the API roles unless a migration revokes it.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end;
$$;
