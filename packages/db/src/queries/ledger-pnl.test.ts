import {
  applyFill,
  FLAT,
  formatUsd,
  type Position,
  type Price,
  type Shares,
  type Usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../client/connect.ts";
import type { Transaction } from "../client/with-user.ts";
import { createAuthUser, createBot } from "../testing/fixtures.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { realizedPnlByDay } from "./ledger-fold.ts";
import { selectRows } from "./rows.ts";

// ledger_holdings and ledger_pnl_days are derived from the ledger by its insert trigger. On random fills (days,
// bots, tokens, modes, sizes and prices with six decimals, fees), both must equal the risk engine's fold of the
// ledger, and private.rebuild_ledger_pnl() must rebuild them to exactly the same rows.

let db: Connection;
let owner: string;
let bots: string[];

beforeAll(async () => {
  db = await openTestDatabase();
  owner = await createAuthUser(db.raw);
  await db.raw.query("update public.users set tier = 'pro' where id = $1", [owner]);
  bots = [await createBot(db.raw, owner, "Fold A"), await createBot(db.raw, owner, "Fold B")];
});
afterAll(async () => {
  await db?.close();
});

const ROLLBACK = new Error("rollback");

/** Runs `fn` in a transaction that is rolled back, so every property run starts from an empty ledger. */
async function inRolledBack(fn: (tx: Transaction) => Promise<void>): Promise<void> {
  await db.db
    .transaction(async (tx) => {
      await fn(tx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
}

const micros = (value: bigint) => formatUsd(value as Usd);

const intent = fc.record({
  bot: fc.integer({ min: 0, max: 1 }),
  token: fc.constantFrom("yes", "no", null),
  mode: fc.constantFrom("paper" as const, "live" as const),
  sell: fc.boolean(),
  size: fc.bigInt({ min: 1n, max: 50_000_000n }),
  price: fc.bigInt({ min: 0n, max: 1_000_000n }),
  fee: fc.bigInt({ min: 0n, max: 20_000n }),
  day: fc.integer({ min: 0, max: 3 }),
});

type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

interface Fill {
  bot: string;
  key: string;
  mode: "paper" | "live";
  sell: boolean;
  size: bigint;
  price: bigint;
  fee: bigint;
  day: string;
}

/** Turns intents into fills that never sell more than is held (a sale of nothing becomes a buy). */
function toFills(intents: readonly Intent[]): Fill[] {
  const held = new Map<string, bigint>();
  return intents.map((i) => {
    const bot = bots[i.bot] as string;
    const key = i.token ?? "market-1";
    const id = `${bot}/${key}/${i.mode}`;
    const have = held.get(id) ?? 0n;
    const sell = i.sell && have > 0n;
    const size = sell ? (i.size > have ? have : i.size) : i.size;
    held.set(id, sell ? have - size : have + size);
    return { bot, key, mode: i.mode, sell, size, price: i.price, fee: i.fee, day: `2026-11-2${i.day}` };
  });
}

async function insert(tx: Transaction, fill: Fill): Promise<void> {
  const token = fill.key === "market-1" ? null : fill.key;
  await tx.execute(
    sql`insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, fee_usd, created_at)
        values (${fill.bot}, 'market-1', ${token}, ${fill.mode}::public.trade_type,
          ${fill.sell ? "sell" : "buy"}::public.trade_action, ${micros(fill.size)}::numeric,
          ${micros(fill.price)}::numeric, ${micros(fill.fee)}::numeric, ${`${fill.day}T12:00:00Z`}::timestamptz)`,
  );
}

type Tables = { holdings: string[]; days: string[] };

async function readTables(tx: Transaction): Promise<Tables> {
  const holdings = await selectRows<{ line: string }>(
    tx,
    sql`select concat_ws(' ', bot_id, type, token_key, shares::numeric(30,6), cost_basis_usd::numeric(30,6),
               realized_pnl_usd::numeric(30,6), fees_usd::numeric(30,6), fills) as line
          from public.ledger_holdings where bot_id = any(${`{${bots.join(",")}}`}::uuid[]) order by 1`,
  );
  const days = await selectRows<{ line: string }>(
    tx,
    sql`select concat_ws(' ', bot_id, type, day, realized_pnl_usd::numeric(30,6), fills) as line
          from public.ledger_pnl_days where bot_id = any(${`{${bots.join(",")}}`}::uuid[]) order by 1`,
  );
  return { holdings: holdings.map((r) => r.line), days: days.map((r) => r.line) };
}

/** The expected tables, folded in TypeScript with the risk engine's applyFill. */
function expectedTables(fills: Fill[]): Tables {
  const holdings = new Map<string, { position: Position; fees: bigint; fills: number }>();
  const days = new Map<string, { realized: bigint; fills: number }>();
  for (const f of fills) {
    const id = `${f.bot} ${f.mode} ${f.key}`;
    const before = holdings.get(id) ?? { position: FLAT, fees: 0n, fills: 0 };
    const position = applyFill(before.position, {
      side: f.sell ? "SELL" : "BUY",
      shares: f.size as Shares,
      price: f.price as Price,
      fee: f.fee as Usd,
    });
    holdings.set(id, { position, fees: before.fees + f.fee, fills: before.fills + 1 });
    const dayId = `${f.bot} ${f.mode} ${f.day}`;
    const day = days.get(dayId) ?? { realized: 0n, fills: 0 };
    days.set(dayId, {
      realized: day.realized + position.realizedPnl - before.position.realizedPnl,
      fills: day.fills + 1,
    });
  }
  const fixed = (value: bigint) => {
    const sign = value < 0n ? "-" : "";
    const abs = value < 0n ? -value : value;
    return `${sign}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, "0")}`;
  };
  return {
    holdings: [...holdings]
      .map(
        ([id, h]) =>
          `${id} ${fixed(h.position.shares)} ${fixed(h.position.costBasis)} ${fixed(h.position.realizedPnl)} ${fixed(h.fees)} ${h.fills}`,
      )
      .sort(),
    days: [...days].map(([id, d]) => `${id} ${fixed(d.realized)} ${d.fills}`).sort(),
  };
}

describe("the ledger's derived PnL tables", () => {
  it("when random fills are recorded then the trigger's tables, the rebuild and the TypeScript fold agree", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(intent, { minLength: 1, maxLength: 25 }), async (intents) => {
        const fills = toFills(intents);
        await inRolledBack(async (tx) => {
          // Backdating needs the clock trigger off; the ALTER is rolled back with everything else.
          await tx.execute(sql`alter table public.trade_logs disable trigger trade_logs_set_created_at`);
          for (const fill of fills) await insert(tx, fill);
          const booked = await readTables(tx);
          expect(booked).toEqual(expectedTables(fills));

          for (const mode of ["paper", "live"] as const) {
            const folded = await realizedPnlByDay(tx, owner, mode);
            const fromFold = [...folded].flatMap(([bot, days]) =>
              [...days].map(([day, value]) => `${bot} ${mode} ${day} ${formatUsd(value)}`),
            );
            const fromTable = booked.days
              .filter((line) => line.split(" ")[1] === mode)
              .map((line) => {
                const [bot, , day, realized] = line.split(" ");
                return `${bot} ${mode} ${day} ${formatUsd(BigInt((realized ?? "").replace(".", "")) as Usd)}`;
              });
            expect(fromTable.sort()).toEqual(fromFold.sort());
          }

          await tx.execute(sql`select private.rebuild_ledger_pnl()`);
          expect(await readTables(tx)).toEqual(booked);
        });
      }),
      { numRuns: 25 },
    );
  });

  it("when a fill sells more than its bot holds then the ledger refuses it and says why", async () => {
    let message = "";
    await inRolledBack(async (tx) => {
      await insert(tx, {
        bot: bots[0] as string,
        key: "yes",
        mode: "paper",
        sell: false,
        size: 2_000_000n,
        price: 500_000n,
        fee: 0n,
        day: "2026-11-20",
      });
      await insert(tx, {
        bot: bots[0] as string,
        key: "yes",
        mode: "paper",
        sell: true,
        size: 3_000_000n,
        price: 500_000n,
        fee: 0n,
        day: "2026-11-20",
      }).catch((error: unknown) => {
        message = String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
      });
    });
    expect(message).toMatch(/sells 3(\.0+)? shares of yes \(paper\) while holding 2(\.0+)?\b/);
  });
});
