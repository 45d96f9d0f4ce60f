import { bench, describe } from "vitest";
import { ladder, M } from "../../test/fixtures.ts";
import { walkBookOracle } from "../../test/walk-book-oracle.ts";
import { walkBook } from "./walk-book.ts";

// Prices stay inside (0, 1): 1,000 levels of 0.0001 tick from 0.5000 upward.
const book = (() => {
  const base = ladder(1, 10n * M);
  const asks = Array.from({ length: 1_000 }, (_, i) => ({
    price: (999_000n - BigInt(i) * 100n) as never,
    size: base.asks[0]?.size as never,
  }));
  return { ...base, asks, tickSize: 100n as never };
})();

// A long warm-up lets V8 finish tiering up first: otherwise the first benchmark in a file measures the
// optimizing compiler as much as the code.
const OPTIONS = { warmupTime: 1_000, time: 2_000 };

describe("walkBook", () => {
  bench(
    "walk all 1,000 levels of one side",
    () => {
      walkBook(book, { side: "BUY" });
    },
    OPTIONS,
  );
  bench(
    "walk all 1,000 levels with a fee",
    () => {
      walkBook(book, { side: "BUY", fee: { rateBps: 700, exponent: 1 } });
    },
    OPTIONS,
  );
  bench(
    "walk all 1,000 levels with a fee, the walk before the 64-bit fee sum (test oracle)",
    () => {
      walkBookOracle(book, { side: "BUY", fee: { rateBps: 700, exponent: 1 } });
    },
    OPTIONS,
  );
});
