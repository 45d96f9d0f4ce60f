import { randomUUID } from "node:crypto";
import type { RawSql } from "../client/raw-sql.ts";

/** A well-formed ciphertext envelope shape, for rows that RLS tests insert without real encryption. */
export const FAKE_ENVELOPE = "otc1.test.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";

/** Creates an auth user as Supabase Auth would; the migration's trigger adds the users and profile rows. */
export async function createAuthUser(raw: RawSql): Promise<string> {
  const id = randomUUID();
  await raw.query("insert into auth.users (id, email) values ($1, $2)", [id, `${id}@example.test`]);
  return id;
}

export async function createBot(raw: RawSql, userId: string, name = "Fixture bot"): Promise<string> {
  const { rows } = await raw.query<{ id: string }>(
    "insert into public.bots (user_id, name, status, allowed_categories) values ($1, $2, 'paper', '{politics}') returning id",
    [userId, name],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("createBot: no id returned");
  return id;
}

/**
 * Everything the RLS matrix acts on, committed once per test file with fresh ids, so files can share one database.
 * `freshUser` has an auth user but no users/profile rows, `freshProfileUser` a users row but no profile:
 * the targets of the insert cases for those two tables.
 */
export interface World {
  readonly owner: string;
  readonly stranger: string;
  readonly freshUser: string;
  readonly freshProfileUser: string;
  readonly bot: string;
  readonly spareBot: string;
  readonly credential: string;
  readonly market: string;
}

export async function createWorld(raw: RawSql): Promise<World> {
  const owner = await createAuthUser(raw);
  const stranger = await createAuthUser(raw);
  const freshUser = await createAuthUser(raw);
  const freshProfileUser = await createAuthUser(raw);
  await raw.query("delete from public.user_risk_profiles where user_id = any($1::uuid[])", [
    [freshUser, freshProfileUser],
  ]);
  await raw.query("delete from public.users where id = $1", [freshUser]);
  // The owner is on pro so the matrix's inserts test RLS, not the tier's bot count (tier tests use others).
  await raw.query("update public.users set tier = 'pro' where id = $1", [owner]);
  const bot = await createBot(raw, owner);
  const spareBot = await createBot(raw, owner, "Spare bot");
  const market = `0x${randomUUID().replaceAll("-", "")}`;
  await raw.query(
    `insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price, ai_reasoning)
     values ($1, $2, 'paper', 'buy', 10, 0.42, 'fixture')`,
    [bot, market],
  );
  await raw.query(
    "insert into public.positions (user_id, market_id, type, total_shares, average_entry_price) values ($1, $2, 'paper', 10, 0.42)",
    [owner, market],
  );
  await raw.query(
    "insert into public.bot_failures (bot_id, error_type, market_id, adaptation_note) values ($1, 'slippage', $2, 'fixture')",
    [bot, market],
  );
  await raw.query("insert into public.bot_context (bot_id, context_json) values ($1, '{\"lessons\":[]}')", [
    bot,
  ]);
  await raw.query(
    `insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, locked_at, expires_at)
     values ($1, $2, $3, now(), now() + interval '1 minute')`,
    [owner, market, bot],
  );
  await raw.query(
    "insert into public.bot_evaluations (bot_id, runner_id, mode) values ($1, 'fixture-runner', 'paper')",
    [bot],
  );
  await raw.query(
    `insert into public.order_intents (order_id, bot_id, user_id, mode, market_id, token_id, action, size, limit_price, prepared_order)
     values ($1, $2, $3, 'paper', $4, 'fixture-token', 'buy', 10, 0.42, '{}')`,
    [`0x${randomUUID().replaceAll("-", "")}`, bot, owner, market],
  );
  const { rows } = await raw.query<{ id: string }>(
    "insert into public.api_credentials (user_id, private_key) values ($1, $2) returning id",
    [owner, FAKE_ENVELOPE],
  );
  const credential = rows[0]?.id;
  if (!credential) throw new Error("createWorld: no credential id");
  return { owner, stranger, freshUser, freshProfileUser, bot, spareBot, credential, market };
}
