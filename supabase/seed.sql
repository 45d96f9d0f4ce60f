-- Local development data only (`supabase db reset` runs it after the migrations). Never run it in production.
-- Signing up through Supabase Auth creates the users and user_risk_profiles rows; this does the same by trigger.

insert into auth.users (id, email)
values ('00000000-0000-4000-8000-000000000001', 'demo@open-trade.local')
on conflict (id) do nothing;

insert into public.bots (id, user_id, name, status, strategy_prompt, allowed_categories, max_daily_loss_usd,
                         max_position_size_usd, max_trades_per_day, polling_frequency_minutes)
values
  ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000001', 'Cheap favourites', 'paper',
   'Buy YES in politics markets when the best ask is under 0.20 and the spread is under 2 cents; take profit at 0.35.',
   '{politics}', 25.00, 100.00, 5, 30),
  ('00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000001', 'Crypto momentum (needs a model)',
   'paused', 'Use judgement on crypto price markets resolving within a week; only trade on strong news momentum.',
   '{crypto}', 50.00, 200.00, 10, 30)
on conflict (id) do nothing;

update public.bots set model_id = 'anthropic/claude-3.5-sonnet'
where id = '00000000-0000-4000-8000-000000000102' and model_id is null;
