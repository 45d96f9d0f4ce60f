import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Connection, parseSealingKey } from "@open-trade/db";
import { openTestDatabase } from "@open-trade/db/testing";
import { createLlm, systemClock, systemRandom } from "@open-trade/llm";
import { type StandIn, startStandIn } from "@open-trade/llm/stand-in";
import {
  createHttpMarketData,
  type MarketData,
  type StandInExchange,
  type StandInMarket,
  startStandInExchange,
} from "@open-trade/polymarket";
import recordedModels from "../../../../packages/llm/src/fixtures/openrouter-models.2025-06.json" with {
  type: "json",
};
import { localAuthenticator } from "../auth/local-auth.ts";
import { loadOrCreateSigningKey, type SigningKey } from "../auth/signing-key.ts";
import { jsonLogger } from "../logger.ts";
import { type ApiServer, createApiServer } from "../server/create-api-server.ts";

/** The runners' key pair: the API is given only the public half. */
const runnersKeys = (() => {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  const raw = (jwk: { x?: string; d?: string }, part: "x" | "d") =>
    Buffer.from(jwk[part] ?? "", "base64url").toString("base64");
  return {
    publicKey: raw(publicKey.export({ format: "jwk" }), "x"),
    privateKey: raw(privateKey.export({ format: "jwk" }), "d"),
  };
})();

/** Values planted where secrets live; no response, log line or error may ever contain one. */
export const PLANTED = {
  modelKey: `sk-or-v1-planted${randomBytes(16).toString("hex")}`,
  runnersPrivateKey: runnersKeys.privateKey,
  privateKey: randomBytes(32).toString("hex"),
  apiSecret: `planted-api-secret-${randomBytes(12).toString("hex")}`,
  passphrase: `planted-passphrase-${randomBytes(12).toString("hex")}`,
  password: `planted-password-${randomBytes(8).toString("hex")}`,
};

export const TEST_ISSUER = "open-trade-test";
export const BOOK = { bids: [{ price: "0.48", size: "10000" }], asks: [{ price: "0.52", size: "10000" }] };

export interface HttpResult {
  readonly status: number;
  readonly body: {
    result?: { data: unknown };
    error?: {
      message: string;
      data: { code: string; requestId?: string; fieldErrors?: Record<string, string[]> };
    };
  };
}

export interface Session {
  readonly userId: string;
  readonly email: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface TestApi {
  readonly url: string;
  readonly db: Connection;
  readonly api: ApiServer;
  readonly key: SigningKey;
  readonly exchange: StandInExchange;
  readonly market: StandInMarket;
  readonly model: StandIn;
  /** Every log line and every response body this API produced, for the planted-secret scan. */
  readonly captured: string[];
  call(path: string, input?: unknown, token?: string, kind?: "query" | "mutation"): Promise<HttpResult>;
  signUp(tier?: "free" | "basic" | "pro"): Promise<Session>;
  close(): Promise<void>;
}

/** The API over real HTTP on 127.0.0.1, with the suite's database, stand-in exchange and stand-in model. */
export async function startTestApi(
  overrides: { marketData?: MarketData; webDist?: string } = {},
): Promise<TestApi> {
  const db = await openTestDatabase();
  const exchange = await startStandInExchange({ simulate: false });
  const market = exchange.addMarket(
    { question: `Will test ${randomUUID().slice(0, 8)} pass?`, category: "politics", feeRateBps: 0 },
    BOOK,
  );
  exchange.setBook(market.tokens[0]?.tokenId ?? "", BOOK);
  const model = await startStandIn({ modelsJson: recordedModels });
  const key = await loadOrCreateSigningKey(await mkdtemp(join(tmpdir(), "api-test-")));
  const captured: string[] = [];
  const api = await createApiServer({
    connection: db,
    auth: localAuthenticator({ db: db.db, key, issuer: TEST_ISSUER }),
    llm: createLlm(
      { apiKey: PLANTED.modelKey, baseURL: model.baseURL },
      { clock: systemClock, random: systemRandom },
    ),
    marketData:
      overrides.marketData ??
      createHttpMarketData({ clobUrl: exchange.clobUrl, gammaUrl: exchange.gammaUrl }),
    sealer: parseSealingKey(`k1:${runnersKeys.publicKey}`),
    log: jsonLogger((line) => captured.push(line)),
    ...(overrides.webDist ? { webDist: overrides.webDist } : {}),
  });
  const url = await api.listen(0);

  const call: TestApi["call"] = async (path, input, token, kind = "query") => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const encoded = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res =
      kind === "query"
        ? await fetch(`${url}/trpc/${path}${encoded}`, { headers })
        : await fetch(`${url}/trpc/${path}`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify(input ?? null),
          });
    const text = await res.text();
    captured.push(text);
    return { status: res.status, body: JSON.parse(text) as HttpResult["body"] };
  };

  return {
    url,
    db,
    api,
    key,
    exchange,
    market,
    model,
    captured,
    call,
    async signUp(tier = "pro") {
      const email = `trader-${randomUUID()}@example.test`;
      const { body } = await call(
        "auth.signUp",
        { email, password: PLANTED.password },
        undefined,
        "mutation",
      );
      const data = body.result?.data as { accessToken: string; refreshToken: string; user: { id: string } };
      if (!data) throw new Error(`sign-up failed: ${JSON.stringify(body)}`);
      await db.raw.query("update public.users set tier = $2 where id = $1", [data.user.id, tier]);
      return { userId: data.user.id, email, accessToken: data.accessToken, refreshToken: data.refreshToken };
    },
    async close() {
      await api.close();
      await model.close();
      await exchange.close();
      await db.close();
    },
  };
}
