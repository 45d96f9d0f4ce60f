-- The queue's rows follow the bots' status inside the database, so the runner's claim can read only the
-- earliest-due rows of bot_schedule (an index range with a limit) instead of ranking every due bot on every claim,
-- and no runner has to poll for new bots. A bot that is not runnable (paused, error) is due at 'infinity', so it
-- never sits among the due rows; one that becomes runnable (created, resumed, set live) is due at once.
-- Runnable statuses mirror risk-engine RUNNABLE_STATUSES.

------------------------------------------------------------------------------------------------------------
-- Functions and triggers
------------------------------------------------------------------------------------------------------------

create function private.is_runnable(status public.bot_status) returns boolean
language sql
immutable
set search_path = ''
as $$
  select $1 in ('paper', 'live', 'paused:ai_unavailable');
$$;
revoke execute on function private.is_runnable(public.bot_status) from public;
grant execute on function private.is_runnable(public.bot_status) to authenticated, service_role;

-- Security definer: users change their bots' status, and bot_schedule is backend-only (no user may write it).
create function private.schedule_follows_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.is_runnable(new.status) and (tg_op = 'INSERT' or not private.is_runnable(old.status)) then
    insert into public.bot_schedule (bot_id, next_run_at) values (new.id, now())
    on conflict (bot_id) do update set next_run_at = least(public.bot_schedule.next_run_at, excluded.next_run_at);
  elsif not private.is_runnable(new.status) and tg_op = 'UPDATE' and private.is_runnable(old.status) then
    update public.bot_schedule set next_run_at = 'infinity' where bot_id = new.id;
  end if;
  return null;
end;
$$;
revoke execute on function private.schedule_follows_status() from public;

create trigger bots_schedule_follows_status
  after insert or update of status on public.bots
  for each row execute function private.schedule_follows_status();

------------------------------------------------------------------------------------------------------------
-- Data
------------------------------------------------------------------------------------------------------------

insert into public.bot_schedule (bot_id, next_run_at)
select b.id, now() from public.bots b where private.is_runnable(b.status)
on conflict (bot_id) do nothing;

update public.bot_schedule s set next_run_at = 'infinity'
  from public.bots b where b.id = s.bot_id and not private.is_runnable(b.status);
