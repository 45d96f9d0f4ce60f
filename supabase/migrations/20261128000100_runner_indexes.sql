-- Every evaluation looks up its bot's unfinished evaluations (to close what a dead runner left running, and to
-- sum open model reservations against the daily cap). With only (bot_id, started_at) that reads the bot's whole
-- history, which grows by ~100k rows a year for a bot polled every five minutes; this index holds only the few
-- rows still running.
create index bot_evaluations_running_idx on public.bot_evaluations (bot_id) where outcome = 'running';
comment on index public.bot_evaluations_running_idx is 'Unfinished evaluations per bot: a handful at any time.';
