import { bench, describe } from "vitest";
import { applyFills, planMatch } from "./matching-engine.ts";
import { addEntry, emptyBook } from "./order-book.ts";
import type { Level } from "./types.ts";

const M = 1_000_000n;

/** 1,000 ask levels one micro-tick apart, each with a house entry and a user entry. */
function deepAsks(): Level[] {
  const book = emptyBook();
  for (let i = 0n; i < 1_000n; i += 1n) {
    addEntry(book, "SELL", 400_000n + i * 100n, { orderId: null, owner: null, size: 10n * M });
    addEntry(book, "SELL", 400_000n + i * 100n, { orderId: `0x${i}`, owner: "0xmaker", size: 5n * M });
  }
  return book.asks;
}

const asks = deepAsks();

describe("stand-in matching", () => {
  bench("plan a buy that sweeps all 1,000 levels (2,000 entries)", () => {
    planMatch(asks, {
      side: "BUY",
      limit: { usd: 999_999n, shares: M },
      size: { kind: "shares", amount: 20_000n * M },
      owner: "0xtaker",
    });
  });

  bench("build a 1,000-level book, then plan and apply a buy across 500 levels", () => {
    const levels = deepAsks();
    const plan = planMatch(levels, {
      side: "BUY",
      limit: { usd: 999_999n, shares: M },
      size: { kind: "shares", amount: 7_500n * M },
      owner: "0xtaker",
    });
    applyFills(levels, plan.fills);
  });
});
