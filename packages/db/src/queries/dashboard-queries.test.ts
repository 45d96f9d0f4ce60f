import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../client/connect.ts";
import { type Transaction, withUser } from "../client/with-user.ts";
import { createAuthUser, createBot } from "../testing/fixtures.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { botList } from "./bot-list.ts";
import { pnlPerDay } from "./pnl-per-day.ts";
import { positionsOf } from "./positions.ts";
import { tradesPage } from "./trades-page.ts";

let db: Connection;
let owner: string;
let stranger: string;
let bot: string;
const market = `0x${randomUUID().replaceAll("-", "")}`;

beforeAll(async () => {
  db = await openTestDatabase();
  owner = await createAuthUser(db.raw);
  stranger = await createAuthUser(db.raw);
  bot = await createBot(db.raw, owner);
  const fill = (action: string, size: string, price: string, fee: string) =>
    db.raw.query(
      `insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, fee_usd)
       values ($1, $2, 'tok', 'paper', $3, $4, $5, $6)`,
      [bot, market, action, size, price, fee],
    );
  await fill("buy", "10", "0.4", "0.01");
  await fill("buy", "10", "0.6", "0.01");
  await fill("sell", "5", "0.7", "0.02");
});
afterAll(async () => {
  await db?.close();
});

const asUser = <T>(id: string, fn: (tx: Transaction) => Promise<T>) =>
  withUser(db.db, { sub: id, role: "authenticated" }, fn);

describe("dashboard queries", () => {
  it("when the owner folds a buy, a buy and a partial sale then today's realized PnL is exact, fees included", async () => {
    const now = new Date();
    const days = await asUser(owner, (tx) => pnlPerDay(tx, owner, { mode: "paper", days: 2, now }));
    // Average cost 0.5; selling 5 at 0.7 realizes 1.00, minus 0.04 in fees over the three fills.
    expect(days.at(-1)).toEqual({ day: now.toISOString().slice(0, 10), realizedPnlUsd: "0.96" });
    const [summary] = await asUser(owner, (tx) => botList(tx, owner, { now, botId: bot }));
    expect(summary).toMatchObject({ tradesToday: 3, pnlTodayUsd: "0.96", mode: "paper" });
  });

  it("when the owner pages through trades then pages are newest first and do not overlap", async () => {
    const first = await asUser(owner, (tx) => tradesPage(tx, owner, { botId: bot }, { limit: 2 }));
    expect(first.items.map((t) => t.side)).toEqual(["sell", "buy"]);
    expect(first.nextCursor).not.toBeNull();
    const [micros, id] = (first.nextCursor ?? "").split("_");
    const second = await asUser(owner, (tx) =>
      tradesPage(tx, owner, { botId: bot }, { limit: 2, before: { micros: micros ?? "", id: id ?? "" } }),
    );
    expect(second.items.map((t) => t.price)).toEqual(["0.4"]);
    expect(second.nextCursor).toBeNull();
  });

  it("when a fill carries its evaluation then its trade row and its position link to that evaluation", async () => {
    const traced = await createBot(db.raw, owner, "Traced bot");
    const { rows } = await db.raw.query<{ id: string }>(
      "insert into public.bot_evaluations (bot_id, runner_id, mode) values ($1, 'test', 'paper') returning id",
      [traced],
    );
    const evaluation = rows[0]?.id;
    await db.raw.query(
      `insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, evaluation_id)
       values ($1, $2, 'traced-tok', 'paper', 'buy', 2, 0.5, $3)`,
      [traced, market, evaluation],
    );
    await db.raw.query(
      `insert into public.positions (user_id, bot_id, market_id, token_id, type, total_shares, average_entry_price, cost_basis_usd)
       values ($1, $2, $3, 'traced-tok', 'paper', 2, 0.5, 1)`,
      [owner, traced, market],
    );
    const page = await asUser(owner, (tx) => tradesPage(tx, owner, { botId: traced }, { limit: 5 }));
    const positions = await asUser(owner, (tx) => positionsOf(tx, owner, { botId: traced }));
    expect(page.items.map((t) => t.evaluationId)).toEqual([evaluation]);
    expect(positions.map((p) => p.lastEvaluationId)).toEqual([evaluation]);
  });

  it("when a holding was sold down to dust then it is not among the open positions, and is kept among all", async () => {
    const dusty = await createBot(db.raw, owner, "Dusty bot");
    // What a full exit in whole 0.01-share lots leaves of a $5 buy at 0.523 sized as Polymarket's client sizes it.
    await db.raw.query(
      `insert into public.positions (user_id, bot_id, market_id, token_id, type, total_shares, average_entry_price, cost_basis_usd)
       values ($1, $2, $3, 'dust-tok', 'paper', 0.000229, 0.523, 0.000120), ($1, $2, $3, 'lot-tok', 'paper', 0.01, 0.5, 0.005)`,
      [owner, dusty, market],
    );
    const open = await asUser(owner, (tx) => positionsOf(tx, owner, { botId: dusty, openOnly: true }));
    const all = await asUser(owner, (tx) => positionsOf(tx, owner, { botId: dusty }));
    expect([open.map((p) => p.tokenId), all.map((p) => p.tokenId).sort()]).toEqual([
      ["lot-tok"],
      ["dust-tok", "lot-tok"],
    ]);
  });

  it("when another user runs the same queries for the owner's id then RLS leaves them nothing", async () => {
    const now = new Date();
    const trades = await asUser(stranger, (tx) => tradesPage(tx, owner, {}, { limit: 50 }));
    const bots = await asUser(stranger, (tx) => botList(tx, owner, { now }));
    const positions = await asUser(stranger, (tx) => positionsOf(tx, owner));
    expect({ trades: trades.items, bots, positions }).toEqual({ trades: [], bots: [], positions: [] });
  });

  it("when each dashboard query is planned then every table it reads is read through an index", async () => {
    const plans = await asUser(owner, async (tx) => {
      // With a few rows the planner rightly prefers scanning; costing scans out shows that an index path exists.
      await tx.execute(sql`set local enable_seqscan = off`);
      const explaining = explainingTransaction(tx);
      const now = new Date();
      await tradesPage(explaining.tx, owner, {}, { limit: 50 });
      await tradesPage(
        explaining.tx,
        owner,
        { botId: bot, mode: "paper" },
        { limit: 50, before: { micros: "1", id: bot } },
      );
      await pnlPerDay(explaining.tx, owner, { mode: "paper", days: 30, now });
      await positionsOf(explaining.tx, owner, { mode: "paper" });
      await botList(explaining.tx, owner, { now });
      return explaining.plans;
    });
    expect(plans.length).toBeGreaterThanOrEqual(5);
    expect(plans.join()).toMatch(/ledger_pnl_days/);
    expect(plans.join()).toMatch(/ledger_holdings/);
    for (const plan of plans) {
      expect(plan).toMatch(/Index/);
      expect(plan).not.toMatch(
        /Seq Scan on (trade_logs|bots|positions|bot_evaluations|ledger_pnl_days|ledger_holdings)/,
      );
    }
  });
});

/** A transaction whose execute() returns no rows and records the plan of what it was asked to run. */
function explainingTransaction(tx: Transaction): { tx: Transaction; plans: string[] } {
  const plans: string[] = [];
  const proxy = new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== "execute") return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const result: unknown = await target.execute(sql`explain ${query}`);
        const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
        plans.push(rows.map((r) => Object.values(r as object)[0]).join("\n"));
        return [];
      };
    },
  });
  return { tx: proxy, plans };
}
