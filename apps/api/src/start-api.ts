import { fileURLToPath } from "node:url";
import {
  type Connection,
  connect,
  type DbEnv,
  migrate,
  parseSealingKey,
  readDbEnv,
  targetFromEnv,
} from "@open-trade/db";
import { createLlm, readLlmEnv, systemClock, systemRandom } from "@open-trade/llm";
import { createHttpMarketData } from "@open-trade/polymarket";
import type { Authenticator } from "./auth/authenticator.ts";
import { localAuthenticator } from "./auth/local-auth.ts";
import { loadOrCreateSigningKey } from "./auth/signing-key.ts";
import { supabaseAuthenticator } from "./auth/supabase-auth.ts";
import { type ApiEnv, readApiEnv } from "./env.ts";
import type { Logger } from "./logger.ts";
import { type ApiServer, createApiServer } from "./server/create-api-server.ts";

const defaultAuthDir = fileURLToPath(new URL("../../../.data/auth", import.meta.url));

/** The authenticator the environment asks for: Supabase when SUPABASE_URL is set, local sign-in otherwise. */
export async function authFromEnv(env: ApiEnv, db: Connection["db"]): Promise<Authenticator> {
  if (env.SUPABASE_URL) {
    return supabaseAuthenticator({
      supabaseUrl: env.SUPABASE_URL,
      ...(env.SUPABASE_JWT_SECRET ? { legacyHs256Secret: env.SUPABASE_JWT_SECRET } : {}),
    });
  }
  const key = await loadOrCreateSigningKey(env.OPEN_TRADE_AUTH_DIR ?? defaultAuthDir);
  return localAuthenticator({ db, key, issuer: env.PUBLIC_URL ?? "open-trade-local" });
}

/** `pnpm --filter @open-trade/api start`: the API alone, over DATABASE_URL or the PGlite data folder. */
export async function startApi(
  log: Logger,
): Promise<{ api: ApiServer; url: string; connection: Connection }> {
  const env = readApiEnv();
  const dbEnv: DbEnv = readDbEnv();
  const connection = await connect(targetFromEnv(dbEnv));
  await migrate(connection.raw);
  const api = await createApiServer({
    connection,
    auth: await authFromEnv(env, connection.db),
    llm: createLlm(readLlmEnv(), { clock: systemClock, random: systemRandom }),
    marketData: createHttpMarketData({
      gammaUrl: env.POLYMARKET_GAMMA_URL,
      clobUrl: env.POLYMARKET_CLOB_URL,
    }),
    sealer: dbEnv.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY
      ? parseSealingKey(dbEnv.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY)
      : null,
    log,
    ...(env.WEB_DIST ? { webDist: env.WEB_DIST } : {}),
  });
  const url = await api.listen(env.PORT, env.HOST);
  return { api, url, connection };
}
