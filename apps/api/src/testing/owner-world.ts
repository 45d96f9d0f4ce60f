import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { loadOrCreateSigningKey } from "../auth/signing-key.ts";
import { type Session, TEST_ISSUER, type TestApi } from "./test-api.ts";

/** An owner with one bot that has traded, been evaluated, failed once and learned a lesson. */
export interface OwnerWorld {
  readonly owner: Session;
  readonly stranger: Session;
  readonly botId: string;
  readonly spareBotId: string;
  readonly tradeId: string;
  readonly evaluationId: string;
  readonly marketId: string;
  /** Tokens that must open nothing: expired, forged, wrong issuer, and a deleted account's. */
  readonly badTokens: Readonly<Record<string, string>>;
}

export async function createOwnerWorld(t: TestApi): Promise<OwnerWorld> {
  const owner = await t.signUp("pro");
  const stranger = await t.signUp("pro");
  const deleted = await t.signUp("pro");
  const raw = t.db.raw;
  const bot = async (name: string) => {
    const { rows } = await raw.query<{ id: string }>(
      `insert into public.bots (user_id, name, status, allowed_categories, polling_frequency_minutes,
         max_daily_loss_usd, max_position_size_usd, risk_budget_usd)
       values ($1, $2, 'paper', '{politics}', 5, 50, 25, 200) returning id`,
      [owner.userId, name],
    );
    return rows[0]?.id as string;
  };
  const botId = await bot("Owner bot");
  const spareBotId = await bot("Spare bot");
  const marketId = t.market.conditionId;
  const tokenId = t.market.tokens[0]?.tokenId ?? "";
  const { rows: trades } = await raw.query<{ id: string }>(
    `insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, fee_usd, ai_reasoning)
     values ($1, $2, $3, 'paper', 'buy', 10, 0.5, 0.01, 'owner-only reasoning') returning id`,
    [botId, marketId, tokenId],
  );
  await raw.query(
    `insert into public.positions (user_id, bot_id, market_id, token_id, type, total_shares, average_entry_price, cost_basis_usd)
     values ($1, $2, $3, $4, 'paper', 10, 0.5, 5)`,
    [owner.userId, botId, marketId, tokenId],
  );
  const { rows: evaluations } = await raw.query<{ id: string }>(
    `insert into public.bot_evaluations (bot_id, runner_id, mode, outcome, reason, denial_codes, finished_at)
     values ($1, 'test-runner', 'paper', 'denied', 'too big', '{MAX_POSITION_SIZE}', now()) returning id`,
    [botId],
  );
  await raw.query(
    "insert into public.bot_failures (bot_id, error_type, market_id, adaptation_note) values ($1, 'slippage', $2, 'trade smaller')",
    [botId, marketId],
  );
  await raw.query(
    `insert into public.bot_context (bot_id, context_json) values ($1, '{"avoid_patterns":["thin books"]}')`,
    [botId],
  );
  await raw.query("delete from auth.users where id = $1", [deleted.userId]);
  return {
    owner,
    stranger,
    botId,
    spareBotId,
    tradeId: trades[0]?.id as string,
    evaluationId: evaluations[0]?.id as string,
    marketId,
    badTokens: {
      expired: await token(t, owner.userId, { exp: -60 }),
      forged: await token(t, owner.userId, { foreign: true }),
      "wrong issuer": await token(t, owner.userId, { issuer: "https://attacker.example" }),
      "deleted account": deleted.accessToken,
      garbage: "not.a.jwt",
    },
  };
}

async function token(
  t: TestApi,
  sub: string,
  spec: { exp?: number; foreign?: boolean; issuer?: string },
): Promise<string> {
  const key = spec.foreign ? await loadOrCreateSigningKey(`/tmp/api-foreign-${randomUUID()}`) : t.key;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: "authenticated" })
    .setProtectedHeader({ alg: "ES256", kid: t.key.kid })
    .setIssuer(spec.issuer ?? TEST_ISSUER)
    .setAudience("authenticated")
    .setSubject(sub)
    .setIssuedAt(now - 120)
    .setExpirationTime(now + (spec.exp ?? 600))
    .sign(key.privateKey);
}
