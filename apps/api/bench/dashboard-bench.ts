// `pnpm --filter @open-trade/api bench`: the dashboard's queries on PostgreSQL at N concurrent clients, raw and
// through the API's own path (token verification + RLS transaction + account check), p50/p95 each, against the
// issue's budgets. Needs DATABASE_URL; sizes default to the issue's: 1,000 users, 10,000 bots, 1,000,000 ledger rows,
// 50 clients. BENCH_KEEP=1 keeps the seeded database (its name is printed); BENCH_DATABASE=<name> measures that
// database again without seeding.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { connect, type Database, type Transaction, withUser } from "@open-trade/db";
import { botList, pnlPerDay, positionsOf, tradesPage } from "@open-trade/db/queries";
import { ModelCatalog, systemClock } from "@open-trade/llm";
import type { MarketData } from "@open-trade/polymarket";
import { type SQL, sql } from "drizzle-orm";
import { SignJWT } from "jose";
import { localAuthenticator } from "../src/auth/local-auth.ts";
import { loadOrCreateSigningKey } from "../src/auth/signing-key.ts";
import { jsonLogger } from "../src/logger.ts";
import { createApiServer } from "../src/server/create-api-server.ts";
import { currentUser } from "../src/trpc.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { seedLedger } from "./seed-ledger.ts";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const size = {
  users: num("BENCH_USERS", 1_000),
  botsPerUser: num("BENCH_BOTS_PER_USER", 10),
  tradesPerBot: num("BENCH_TRADES_PER_BOT", 100),
};
const clients = num("BENCH_CLIENTS", 50);
const requests = num("BENCH_REQUESTS", 1_000);

if (!process.env.DATABASE_URL) {
  process.stdout.write("api bench: set DATABASE_URL (PostgreSQL) to run it; skipped.\n");
  process.exit(0);
}

const bench = await openDatabase(process.env.DATABASE_URL);
const { connection } = bench;
try {
  const seedStarted = performance.now();
  if (!process.env.BENCH_DATABASE) await seedLedger(connection.raw, size);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const { rows: counts } = await connection.raw.query<{ users: string; bots: string; trades: string }>(
    "select (select count(*) from public.users) users, (select count(*) from public.bots) bots, (select count(*) from public.trade_logs) trades",
  );
  const { rows: userRows } = await connection.raw.query<{ id: string }>("select id from public.users");
  const users = userRows.map((r) => r.id);

  const key = await loadOrCreateSigningKey(await mkdtemp(join(tmpdir(), "api-bench-")));
  const auth = localAuthenticator({ db: connection.db, key, issuer: "bench" });
  const noMarks = new Proxy({} as MarketData, {
    get: () => async () => Promise.reject(new Error("no marks")),
  });
  const api = await createApiServer({
    connection,
    auth,
    llm: { catalog: new ModelCatalog({ load: async () => [], clock: systemClock }), model: null },
    marketData: noMarks,
    sealer: null,
    log: jsonLogger(() => {}),
  });
  const url = await api.listen(0);
  const tokens = new Map<string, string>();
  for (const id of users) {
    tokens.set(
      id,
      await new SignJWT({ role: "authenticated" })
        .setProtectedHeader({ alg: "ES256", kid: key.kid })
        .setIssuer("bench")
        .setAudience("authenticated")
        .setSubject(id)
        .setIssuedAt()
        .setExpirationTime("2h")
        .sign(key.privateKey),
    );
  }

  const now = new Date();
  const queries: Record<
    string,
    { path: string; input: unknown; run: (tx: Transaction, user: string) => Promise<unknown> }
  > = {
    "last 50 trades": {
      path: "trades.list",
      input: { limit: 50 },
      run: (tx, u) => tradesPage(tx, u, {}, { limit: 50 }),
    },
    "PnL per day, 30 days": {
      path: "stats.pnlPerDay",
      input: { days: 30 },
      run: (tx, u) => pnlPerDay(tx, u, { mode: "paper", days: 30, now }),
    },
    positions: {
      path: "positions.list",
      input: {},
      run: (tx, u) => positionsOf(tx, u, { mode: "paper", openOnly: true }),
    },
    "bot list with today's stats": {
      path: "bots.list",
      input: undefined,
      run: (tx, u) => botList(tx, u, { now }),
    },
  };

  const db: Database = connection.db;
  const loadBefore = loadavg();
  const results: string[] = [];
  const details: string[] = [];
  for (const [name, q] of Object.entries(queries)) {
    const executionMs = await medianExecutionMs((tx, user) => q.run(tx, user));
    const raw = (user: string) => db.transaction((tx) => q.run(tx, user));
    // What the API adds to the query: verify the bearer token, open the RLS transaction, check the account.
    const viaApi = async (user: string) => {
      const verified = await auth.verify(tokens.get(user) as string);
      if (!verified.ok) throw new Error(`bench token refused: ${verified.reason}`);
      return withUser(db, verified.user.claims, async (tx) => {
        if (!(await currentUser(tx, verified.user.id))) throw new Error("bench user missing");
        return q.run(tx, verified.user.id);
      });
    };
    const raw1 = await measure(raw, 1, 200);
    const api1 = await measure(viaApi, 1, 200);
    const raw50 = await measure(raw);
    const api50 = await measure(viaApi);
    const query = q.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(q.input))}`;
    const http50 = await measure(async (user) => {
      const res = await fetch(`${url}/trpc/${q.path}${query}`, {
        headers: { authorization: `Bearer ${tokens.get(user)}` },
      });
      if (res.status !== 200) throw new Error(`${q.path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    });
    const overhead50 = api50.p95 - raw50.p95;
    const overhead1 = api1.p95 - raw1.p95;
    results.push(
      `| ${name} | ${raw50.p50} | ${raw50.p95} | ${raw50.p95 <= 20 ? "met" : "NOT met"} | ${api50.p50} / ${api50.p95} | ${overhead50.toFixed(1)} | ${overhead1.toFixed(1)} | ${overhead1 <= 2 ? "met" : "NOT met"} |`,
    );
    details.push(
      `| ${name} | ${executionMs} | ${raw1.p50} / ${raw1.p95} | ${api1.p50} / ${api1.p95} | ${http50.p50} / ${http50.p95} |`,
    );
  }
  await api.close();
  const loadAfter = loadavg();

  const c = counts[0];
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
  process.stdout.write(
    [
      `PostgreSQL, ${c?.users} users, ${c?.bots} bots, ${c?.trades} ledger rows${process.env.BENCH_DATABASE ? ` (database ${process.env.BENCH_DATABASE}, reused)` : ` (seeded in ${seedSeconds.toFixed(1)} s)`}, ${clients} concurrent clients, ${requests} requests per ${clients}-client figure, ms. Load average before ${load(loadBefore)}, after ${load(loadAfter)}.`,
      "",
      `| query | ${clients} clients: p50 | p95 | p95 ≤ 20 ms | ${clients} clients, auth + RLS: p50 / p95 | API overhead at p95, ${clients} clients | API overhead at p95, 1 client | overhead ≤ 2 ms |`,
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...results,
      "",
      "Details: the database's own time, 1 client, and the whole HTTP request (JSON over tRPC) at 50 clients, ms:",
      "",
      `| query | DB execution (median of plans) | 1 client: raw p50 / p95 | 1 client: auth + RLS p50 / p95 | ${clients} clients: HTTP p50 / p95 |`,
      "| --- | --- | --- | --- | --- |",
      ...details,
      "",
    ].join("\n"),
  );

  /** Runs `total` calls from `loops` concurrent loops, each for a random user; latency percentiles in ms. */
  async function measure(call: (user: string) => Promise<unknown>, loops = clients, total = requests) {
    for (let i = 0; i < Math.min(loops, 20); i += 1) await call(pick());
    const latencies: number[] = [];
    let left = total;
    await Promise.all(
      Array.from({ length: loops }, async () => {
        while (left > 0) {
          left -= 1;
          const started = performance.now();
          await call(pick());
          latencies.push(performance.now() - started);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(1));
    return { p50: at(0.5), p95: at(0.95) };
  }

  /** The database's own execution time for one call (EXPLAIN ANALYZE of each statement it runs), median of 20 users. */
  async function medianExecutionMs(
    run: (tx: Transaction, user: string) => Promise<unknown>,
  ): Promise<string> {
    const totals: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const user = pick();
      totals.push(
        await db.transaction(async (tx) => {
          let total = 0;
          const explaining = new Proxy(tx, {
            get(target, property, receiver) {
              if (property !== "execute") return Reflect.get(target, property, receiver);
              return async (statement: SQL) => {
                const rows = (await target.execute(
                  sql`explain (analyze, format json) ${statement}`,
                )) as unknown as {
                  "QUERY PLAN": { "Execution Time": number; "Planning Time": number }[];
                }[];
                const plan = rows[0]?.["QUERY PLAN"][0];
                total += (plan?.["Execution Time"] ?? 0) + (plan?.["Planning Time"] ?? 0);
                return [];
              };
            },
          });
          await run(explaining, user);
          return total;
        }),
      );
    }
    totals.sort((a, b) => a - b);
    return (totals[10] ?? 0).toFixed(2);
  }

  function pick(): string {
    return users[randomBytes(4).readUInt32BE(0) % users.length] as string;
  }
} finally {
  await bench.drop();
}

/** A fresh seeded database, or the one BENCH_DATABASE names (kept); dropped afterwards unless BENCH_KEEP is set. */
async function openDatabase(serverUrl: string) {
  const reuse = process.env.BENCH_DATABASE;
  if (reuse) {
    const url = new URL(serverUrl);
    url.pathname = `/${reuse}`;
    const connection = await connect(
      { kind: "postgres", url: url.toString() },
      { maxConnections: clients + 5 },
    );
    return { connection, drop: () => connection.close() };
  }
  const opened = await openBenchDatabase(serverUrl, clients + 5);
  if (!process.env.BENCH_KEEP) return opened;
  process.stdout.write(
    `api bench: keeping database ${opened.name} (BENCH_DATABASE=${opened.name} reuses it)\n`,
  );
  return { connection: opened.connection, drop: () => opened.connection.close() };
}
