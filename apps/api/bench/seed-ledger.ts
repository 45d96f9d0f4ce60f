import type { RawSql } from "@open-trade/db";

export interface SeedSize {
  readonly users: number;
  readonly botsPerUser: number;
  readonly tradesPerBot: number;
}

/**
 * Seeds users, bots, a ledger, positions and today's evaluations in a handful of set-based statements
 * (generate_series), so a million ledger rows take seconds, not an hour of round trips. Each bot trades five markets of its
 * own; fills come in triples per token (buy, buy, sell 1) 7 hours apart, so every sale sells shares held and the history spans a month.
 */
export async function seedLedger(raw: RawSql, size: SeedSize): Promise<void> {
  await raw.query(
    `insert into auth.users (id, email)
     select gen_random_uuid(), 'bench-' || g || '@example.test' from generate_series(1, $1::int) g`,
    [size.users],
  );
  await raw.exec("update public.users set tier = 'pro'");
  await raw.query(
    `insert into public.bots (user_id, name, status, allowed_categories, polling_frequency_minutes,
       max_daily_loss_usd, max_position_size_usd, risk_budget_usd)
     select u.id, 'Bench bot ' || g, 'paper', '{politics}', 5, 100, 500, 1000
       from public.users u cross join generate_series(1, $1::int) g`,
    [size.botsPerUser],
  );
  // The ledger's own clock trigger would stamp every row "now"; history needs past timestamps. The notify
  // trigger would queue a million notifications nobody listens to.
  await raw.exec(`alter table public.trade_logs disable trigger trade_logs_set_created_at;
    alter table public.trade_logs disable trigger trade_logs_notify_change`);
  try {
    await raw.query(
      `insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, fee_usd,
         ai_reasoning, created_at)
       select b.id, '0x' || md5(b.id::text || ((g - 1) / 3) % 5), 'bench-token-' || ((g - 1) / 3) % 5, 'paper',
              (case when g % 3 = 0 then 'sell' else 'buy' end)::public.trade_action,
              case when g % 3 = 0 then 1 else 1 + g % 10 end, round(0.2 + (g % 60) / 100.0, 2), 0.01, 'bench',
              now() - ($1::int - g) * interval '7 hours'
         from public.bots b cross join generate_series(1, $1::int) g`,
      [size.tradesPerBot],
    );
  } finally {
    await raw.exec(`alter table public.trade_logs enable always trigger trade_logs_set_created_at;
      alter table public.trade_logs enable trigger trade_logs_notify_change`);
  }
  await raw.exec(`insert into public.positions (user_id, bot_id, market_id, token_id, type, total_shares,
      average_entry_price, cost_basis_usd)
    select b.user_id, t.bot_id, t.market_id, t.token_id, 'paper', s.shares, 0.5, s.shares * 0.5
      from (select bot_id, market_id, token_id from public.trade_logs group by 1, 2, 3) t
      join public.bots b on b.id = t.bot_id
      cross join lateral (select sum(case when x.action = 'buy' then x.size else -x.size end) as shares
                            from public.trade_logs x
                           where x.bot_id = t.bot_id and x.token_id = t.token_id) s`);
  await raw.exec(`insert into public.bot_evaluations (bot_id, runner_id, mode, outcome, reason, llm_billed_usd,
      started_at, finished_at)
    select b.id, 'bench', 'paper', 'hold', 'nothing cheap enough', 0.001,
           now() - g * interval '5 minutes', now() - g * interval '5 minutes' + interval '2 seconds'
      from public.bots b cross join generate_series(1, 10) g`);
  // Autovacuum does this for an append-only table in production (insert threshold); index-only scans need it.
  await raw.exec("vacuum analyze");
}
