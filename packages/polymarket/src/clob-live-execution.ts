// The only file that imports @polymarket/clob-client-v2 (see DESIGN: one adapter per vendor SDK), which is
// why it runs past 300 lines: everything that touches the SDK (sessions with L1/L2 credentials, the
// authenticated POST /order, account queries) must live here. Pure parts are in sign-order.ts,
// live-failure.ts and live-account-mapping.ts.
import type { OrderBook } from "@open-trade/risk-engine";
import { price, shares, sharesMicros, usdMicros, walkBook } from "@open-trade/risk-engine";
import {
  type ApiKeyCreds,
  AssetType,
  ClobClient,
  createL2Headers,
  orderToJsonV2,
  OrderType as SdkOrderType,
} from "@polymarket/clob-client-v2";
import { createWalletClient, custom, type Hex } from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import type {
  Execution,
  ExecutionFailure,
  OrderOutcome,
  OrderRequest,
  PreparedOrder,
  Result,
} from "./execution.ts";
import { toFills, toOpenOrder } from "./live-account-mapping.ts";
import { type ClobReply, classifyClobFailure, failureFromDataError, replyOfError } from "./live-failure.ts";
import type { MarketParams, TokenId } from "./market-data.ts";
import { PolymarketError } from "./polymarket-error.ts";
import { retryAfterMs } from "./retry-after.ts";
import { signOrder } from "./sign-order.ts";
import {
  balanceAllowanceSchema,
  cancelResponseSchema,
  openOrderSchema,
  orderLookupSchema,
  orderResponseSchema,
  signedOrderPayloadSchema,
  tradeSchema,
} from "./wire/clob-account.ts";
import { parseWire } from "./wire/parse-wire.ts";

export interface ApiCredentials {
  readonly key: string;
  readonly secret: string;
  readonly passphrase: string;
}

/**
 * Loaded per call, so rotated secrets are picked up. The account derived from the key lives as long as
 * the Execution that loaded it: drop the Execution to drop the key.
 */
export interface LiveSecrets {
  readonly privateKey: Hex;
  readonly apiCredentials?: ApiCredentials;
}

export interface LiveExecutionOptions {
  /** https://clob.polymarket.com or the stand-in's clobUrl. */
  readonly clobUrl: string;
  readonly chainId?: 137 | 80002;
  readonly loadSecrets: () => Promise<LiveSecrets>;
  /** Called once when L2 credentials had to be created or derived, so the caller can store them (encrypted). */
  readonly saveApiCredentials?: (credentials: ApiCredentials) => Promise<void>;
  /** Tick, minimum size and neg-risk flag (e.g. MarketData.getMarketParams). */
  readonly marketParams: (tokenId: TokenId) => Promise<MarketParams>;
  /** Current book, used only to tell SLIPPAGE (depth exists beyond the limit) from LIQUIDITY_KILL. */
  readonly book?: (tokenId: TokenId) => Promise<OrderBook | undefined>;
  readonly timeoutMs?: number;
  /** Automatic waits on 429 (nothing was placed, so the same signed order is safe to resend). */
  readonly rateLimit?: { readonly maxRetries: number; readonly maxWaitMs: number };
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

// What the official client sends on every request; fetch itself may not set `Connection`.
const CLIENT_HEADERS = {
  "user-agent": "@polymarket/clob-client",
  accept: "*/*",
  "content-type": "application/json",
};

const SDK_TYPE = {
  FOK: SdkOrderType.FOK,
  FAK: SdkOrderType.FAK,
  GTC: SdkOrderType.GTC,
  GTD: SdkOrderType.GTD,
};

type Session = { wallet: ReturnType<typeof createWalletClient>; client: ClobClient; creds: ApiKeyCreds };
const failed = (failure: ExecutionFailure) => ({ ok: false as const, failure });

/** Live trading on Polymarket's CLOB V2 through the official client. */
export function createLiveExecution(options: LiveExecutionOptions): Execution {
  const chainId = options.chainId ?? 137;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limits = options.rateLimit ?? { maxRetries: 2, maxWaitMs: 5_000 };
  // Appended, not resolved: `new URL("/order", base)` would drop a gateway's path prefix.
  const orderUrl = `${options.clobUrl.replace(/\/+$/, "")}/order`;

  const bounded = <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  };

  const walletFor = (account: PrivateKeyAccount) =>
    createWalletClient({
      account,
      // Signing is local; a wallet transport is required by viem but must never be used.
      transport: custom({
        request: async () => Promise.reject(new Error("no RPC: orders are signed locally")),
      }),
    });

  // Deriving the account from a key is a curve multiplication (~0.2 ms), so it is done once per key and
  // kept as long as this Execution; a rotated key is derived again on its first load.
  let derived: { readonly privateKey: Hex; readonly account: PrivateKeyAccount } | undefined;
  const accountOf = (privateKey: Hex): PrivateKeyAccount => {
    if (derived?.privateKey !== privateKey)
      derived = { privateKey, account: privateKeyToAccount(privateKey) };
    return derived.account;
  };

  /** Loads the secrets for this call; a loader failure is reported without its text, which might quote a secret. */
  async function signerFor(): Promise<Result<{ secrets: LiveSecrets; account: PrivateKeyAccount }>> {
    try {
      const secrets = await options.loadSecrets();
      return { ok: true, value: { secrets, account: accountOf(secrets.privateKey) } };
    } catch {
      return failed({
        code: "AUTH",
        message:
          "The wallet key could not be loaded or is not a valid private key; check the stored credentials.",
      });
    }
  }

  async function session(): Promise<Result<Session>> {
    const signer = await signerFor();
    if (!signer.ok) return signer;
    const { secrets, account } = signer.value;
    const wallet = walletFor(account);
    let creds: ApiKeyCreds | undefined = secrets.apiCredentials && { ...secrets.apiCredentials };
    if (!creds) {
      // create first; an account that already has a key gets a 4xx and derives it (deterministic per wallet).
      const keyClient = new ClobClient({
        host: options.clobUrl,
        chain: chainId,
        signer: wallet,
        throwOnError: true,
      });
      let made: ApiKeyCreds | undefined;
      try {
        made = await bounded(keyClient.createApiKey());
      } catch (error) {
        const reply = replyOfError(error);
        if (reply.kind !== "http" || reply.status >= 500) return failed(classifyClobFailure(reply, false));
        try {
          made = await bounded(keyClient.deriveApiKey());
        } catch (deriveError) {
          return failed(classifyClobFailure(replyOfError(deriveError), false));
        }
      }
      if (!made?.key || !made.secret || !made.passphrase) {
        return failed({
          code: "AUTH",
          message:
            "Could not create or derive API credentials for this wallet; check the private key and that the wallet is allowed to trade.",
        });
      }
      creds = made;
      await options.saveApiCredentials?.({ key: made.key, secret: made.secret, passphrase: made.passphrase });
    }
    const client = new ClobClient({
      host: options.clobUrl,
      chain: chainId,
      signer: wallet,
      creds,
      throwOnError: true,
    });
    return { ok: true, value: { wallet, client, creds } };
  }

  /** Runs one request, waiting out 429s within the configured budget. */
  async function retrying<
    R extends { readonly ok: true } | { readonly ok: false; readonly failure: ExecutionFailure },
  >(attempt: () => Promise<R>): Promise<R> {
    for (let tries = 0; ; tries++) {
      const result = await attempt();
      if (result.ok || result.failure.code !== "RATE_LIMITED" || tries >= limits.maxRetries) return result;
      const wait = result.failure.retryAfterMs ?? 1_000;
      if (wait > limits.maxWaitMs) return result;
      await sleep(wait);
    }
  }

  async function query<S extends z.ZodType>(
    run: (s: Session) => Promise<unknown>,
    schema: S,
    what: string,
  ): Promise<Result<z.output<S>>> {
    return retrying(async () => {
      const opened = await session();
      if (!opened.ok) return opened;
      try {
        return { ok: true, value: parseWire(schema, await bounded(run(opened.value)), what) };
      } catch (error) {
        return failed(
          error instanceof PolymarketError
            ? failureFromDataError(error)
            : classifyClobFailure(replyOfError(error), false),
        );
      }
    });
  }

  async function post(order: PreparedOrder, s: Session): Promise<OrderOutcome> {
    const orderId = order.orderId;
    const signed = order.payload as unknown as Parameters<typeof orderToJsonV2>[0];
    const body = JSON.stringify(
      orderToJsonV2(signed, s.creds.key, SDK_TYPE[order.type], order.postOnly === true, false),
    );
    const headers = await createL2Headers(s.wallet, s.creds, { method: "POST", requestPath: "/order", body });
    let response: Response;
    try {
      response = await fetch(orderUrl, {
        method: "POST",
        headers: {
          ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
          ...CLIENT_HEADERS,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, orderId, failure: classifyClobFailure(replyOfError(error), true) };
    }
    const text = await response.text().catch(() => "");
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A non-JSON reply carries no outcome; status alone decides below.
    }
    if (!response.ok) {
      const error = String((json as { error?: unknown } | null)?.error ?? text.slice(0, 200));
      const reply: ClobReply = {
        kind: "http",
        status: response.status,
        error,
        retryAfterMs: retryAfterMs(response.headers.get("retry-after"), json, now()),
      };
      return { ok: false, orderId, failure: classifyClobFailure(reply, true) };
    }
    const parsed = orderResponseSchema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        orderId,
        failure: {
          code: "AMBIGUOUS",
          message:
            "The exchange accepted the request but its reply could not be read; look the order up by id before doing anything else.",
        },
      };
    }
    const reply = parsed.data;
    if (!reply.success || reply.status === "unmatched") {
      const reason = reply.errorMsg || "the exchange did not match it";
      return {
        ok: false,
        orderId,
        failure: classifyClobFailure({ kind: "http", status: 400, error: reason, retryAfterMs: null }, true),
      };
    }
    const buying = order.side === "BUY";
    return {
      ok: true,
      orderId,
      status: reply.status,
      filled: sharesMicros(buying ? reply.takingAmount : reply.makingAmount),
      usd: usdMicros(buying ? reply.makingAmount : reply.takingAmount),
      fee: null,
      price: null,
      tradeIds: reply.tradeIDs ?? [],
    };
  }

  /**
   * A killed FOK/FAK is SLIPPAGE when the book holds the size only beyond the limit; when it holds it at
   * the limit (the book moved since) or not at all, the kill stands.
   */
  async function refineKill(outcome: OrderOutcome, order: PreparedOrder): Promise<OrderOutcome> {
    if (outcome.ok || outcome.failure.code !== "LIQUIDITY_KILL" || !options.book) return outcome;
    const book = await options.book(order.tokenId).catch(() => undefined);
    const walk = { side: order.side, shares: shares(order.shares) };
    if (!book || walkBook(book, { ...walk, limitPrice: price(order.limitPrice) }).complete) return outcome;
    if (!walkBook(book, walk).complete) return outcome;
    return {
      ok: false,
      orderId: order.orderId,
      failure: {
        code: "SLIPPAGE",
        message: `Nothing was traded; the book holds ${order.shares} shares only beyond the limit price ${order.limitPrice}. Re-check the price before trying again.`,
      },
    };
  }

  /**
   * GET /data/trades pages through everything it matches within one time bound, so it is narrowed to the
   * token and, for one order, to trades since that order was created (looked up first).
   */
  async function tradeScope(filter: {
    readonly tokenId?: TokenId;
    readonly orderId?: string;
  }): Promise<Result<{ asset_id?: string; market?: string; after?: string }>> {
    if (filter.tokenId || !filter.orderId) return { ok: true, value: { asset_id: filter.tokenId } };
    const id = filter.orderId;
    const order = await query((s) => s.client.getOrder(id), orderLookupSchema, "GET /data/order");
    if (order.ok) {
      const { asset_id, market, created_at } = order.value;
      return { ok: true, value: { asset_id, market, after: String(created_at - 1) } };
    }
    // An order the exchange does not know may still be one it forgot; only the whole history is certain.
    return order.failure.code === "INVALID_ORDER" ? { ok: true, value: {} } : order;
  }

  return {
    mode: "live",

    async prepareOrder(request: OrderRequest, prepare = {}) {
      let params: MarketParams;
      try {
        params = await options.marketParams(request.tokenId);
      } catch (error) {
        return failed(failureFromDataError(error));
      }
      const signer = await signerFor();
      if (!signer.ok) return signer;
      return signOrder({ account: signer.value.account, request, params, prepare, chainId, nowMs: now() });
    },

    async submitOrder(order) {
      const payload = signedOrderPayloadSchema.safeParse(order.payload);
      if (order.mode !== "live" || !payload.success) {
        const why =
          order.mode !== "live"
            ? "it was prepared in paper mode"
            : `payload field "${payload.error?.issues[0]?.path.join(".")}" is damaged`;
        return {
          ok: false,
          orderId: order.orderId,
          failure: {
            code: "INVALID_ORDER",
            message: `This order cannot be sent: ${why}. Prepare it again with the live execution.`,
          },
        };
      }
      const outcome = await retrying(async (): Promise<OrderOutcome> => {
        const opened = await session();
        return opened.ok
          ? post(order, opened.value)
          : { ok: false, orderId: order.orderId, failure: opened.failure };
      });
      return refineKill(outcome, order);
    },

    async cancelOrder(orderId) {
      const result = await query(
        (s) => s.client.cancelOrder({ orderID: orderId }),
        cancelResponseSchema,
        "DELETE /order",
      );
      return result.ok
        ? {
            ok: true,
            value: { canceled: result.value.canceled, notCanceled: result.value.not_canceled ?? {} },
          }
        : result;
    },

    async openOrders(filter = {}) {
      const params = filter.tokenId ? { asset_id: filter.tokenId } : undefined;
      const result = await query(
        (s) => s.client.getOpenOrders(params),
        z.array(openOrderSchema),
        "GET /data/orders",
      );
      if (!result.ok) return result;
      return { ok: true, value: result.value.map(toOpenOrder) };
    },

    async trades(filter = {}) {
      const scope = await tradeScope(filter);
      if (!scope.ok) return scope;
      let owner = "";
      const result = await query(
        (s) => {
          owner = s.creds.key;
          return s.client.getTrades(scope.value);
        },
        z.array(tradeSchema),
        "GET /data/trades",
      );
      if (!result.ok) return result;
      const fills = toFills(result.value, owner);
      return { ok: true, value: filter.orderId ? fills.filter((f) => f.orderId === filter.orderId) : fills };
    },

    async balance() {
      const result = await query(
        (s) => s.client.getBalanceAllowance({ asset_type: AssetType.COLLATERAL }),
        balanceAllowanceSchema,
        "GET /balance-allowance",
      );
      if (!result.ok) return result;
      const allowances = Object.fromEntries(
        Object.entries(result.value.allowances).map(([k, v]) => [k, usdMicros(v)]),
      );
      return { ok: true, value: { collateral: usdMicros(result.value.balance), allowances } };
    },
  };
}
