import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExchangeCore } from "./exchange-core.ts";
import { startStandInExchange } from "./index.ts";
import { levelSize, wireLevels } from "./order-book.ts";

const coreWith = (seed: number, simulate = true) =>
  new ExchangeCore({ seed, simulate, chainId: 137, defaultBalance: "1000", now: () => 1_800_000_000_000 });

const snapshot = (core: ExchangeCore) =>
  [...core.state.books].map(([tokenId, book]) => [tokenId, wireLevels(book.bids), wireLevels(book.asks)]);

describe("simulated markets", () => {
  it("when the catalogue is created then several categories exist and every question says [Simulated]", () => {
    const markets = [...coreWith(1).state.markets.values()];
    expect(new Set(markets.map((market) => market.category)).size).toBeGreaterThanOrEqual(5);
    expect(markets.every((market) => market.question.startsWith("[Simulated]"))).toBe(true);
    expect(markets.some((market) => market.negRisk)).toBe(true);
  });

  it("when two exchanges share a seed then their books stay identical step after step", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 20 }), (seed, steps) => {
        const a = coreWith(seed);
        const b = coreWith(seed);
        a.advance(steps);
        b.advance(steps);
        expect(snapshot(a)).toEqual(snapshot(b));
      }),
      { numRuns: 20 },
    );
  });

  it.each([
    [1, 2],
    [7, 8],
  ])("when seeds %s and %s differ then the books differ", (x, y) => {
    expect(snapshot(coreWith(x))).not.toEqual(snapshot(coreWith(y)));
  });

  it("when the simulation advances then no book is ever crossed and prices stay inside (0, 1)", () => {
    const core = coreWith(5);
    for (let step = 0; step < 200; step += 1) {
      core.advance(1);
      for (const book of core.state.books.values()) {
        const bid = book.bids.at(-1)?.price ?? 0n;
        const ask = book.asks.at(-1)?.price ?? 1_000_000n;
        expect(bid < ask).toBe(true);
        for (const level of [...book.bids, ...book.asks])
          expect(level.price > 0n && level.price < 1_000_000n).toBe(true);
      }
    }
  });
});

describe("simulated markets over time", () => {
  const yesMid = (core: ExchangeCore, tokenId: string) => {
    const book = core.state.book(tokenId);
    return ((book.bids.at(-1)?.price ?? 0n) + (book.asks.at(-1)?.price ?? 1_000_000n)) / 2n;
  };

  it("when the catalogue starts then spreads and depths differ from market to market", () => {
    const core = coreWith(1);
    const books = [...core.state.markets.values()].map(
      (m) => [m, core.state.book(m.tokens[0].tokenId)] as const,
    );
    const spreads = new Set(
      books.map(([m, b]) => ((b.asks.at(-1)?.price ?? 0n) - (b.bids.at(-1)?.price ?? 0n)) / m.tickSize),
    );
    const depths = books.map(([, b]) => b.bids.reduce((sum, level) => sum + levelSize(level), 0n));
    depths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const [least, most] = [depths[0] ?? 0n, depths.at(-1) ?? 0n];
    expect(spreads.size).toBeGreaterThanOrEqual(3);
    expect(most > 5n * least).toBe(true);
  });

  it("when a simulated hour passes then midpoints move a few cents and one market has resolved", () => {
    const core = coreWith(1);
    const markets = [...core.state.markets.values()];
    const before = markets.map((m) => yesMid(core, m.tokens[0].tokenId));
    core.advance(720);
    const moves = markets
      .filter((m) => !m.closed)
      .map((m) => {
        const move = yesMid(core, m.tokens[0].tokenId) - (before[markets.indexOf(m)] as bigint);
        return move < 0n ? -move : move;
      })
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const median = moves[moves.length >> 1] as bigint;
    expect([median > 0n, median <= 60_000n]).toEqual([true, true]);
    expect(markets.filter((m) => m.closed).map((m) => m.question)).toEqual([
      "[Simulated] Will the central bank cut rates at its next meeting?",
    ]);
  });

  it("when 45 simulated minutes pass then the market due then resolves and pays its winner", () => {
    const core = coreWith(3);
    const market = [...core.state.markets.values()].find((m) => m.question.includes("central bank"));
    if (!market) throw new Error("catalogue changed");
    const holder = "0x00000000000000000000000000000000000000cc";
    core.setPosition(holder, market.tokens[0].tokenId, "10");
    core.setPosition(holder, market.tokens[1].tokenId, "10");
    core.advance(539);
    expect(market.closed).toBe(false);
    core.advance(1);
    expect([market.closed, market.winnerTokenId !== null]).toEqual([true, true]);
    expect(core.state.account(holder).balance).toBe(1010_000_000n);
  });
});

describe("resting orders against moving liquidity", () => {
  it("when new house asks cross a resting user bid then the bid fills at its own price", () => {
    const core = coreWith(1, false);
    const market = core.addMarket({ question: "Q", category: "Test" });
    const yes = market.tokens[0].tokenId;
    const user = "0x00000000000000000000000000000000000000aa";
    core.state.orders.set("0xorder", {
      id: "0xorder",
      owner: "key",
      signer: user,
      makerAddress: user,
      market: market.conditionId,
      tokenId: yes,
      outcome: "Yes",
      side: "BUY",
      orderType: "GTC",
      price: 500_000n,
      originalSize: 10_000_000n,
      sizeMatched: 0n,
      status: "LIVE",
      createdAt: 0,
      expiration: 0n,
      associateTrades: [],
    });
    core.state
      .book(yes)
      .bids.push({ price: 500_000n, entries: [{ orderId: "0xorder", owner: user, size: 10_000_000n }] });
    core.setBook(yes, { bids: [], asks: [{ price: "0.49", size: "4" }] });
    const order = core.state.orders.get("0xorder");
    expect([order?.sizeMatched, order?.status]).toEqual([4_000_000n, "LIVE"]);
    expect(core.state.account(user).positions.get(yes)).toBe(4_000_000n);
    expect(core.state.account(user).balance).toBe(1000_000_000n - 2_000_000n);
    expect(core.state.trades.at(-1)?.price).toBe(500_000n);
  });
});

describe("resolution", () => {
  it("when a market resolves then winning shares pay 1 each, losing shares vanish and the market closes", () => {
    const core = coreWith(1, false);
    const market = core.addMarket({ question: "Q", category: "Test" });
    const [yes, no] = market.tokens;
    core.setPosition("0x00000000000000000000000000000000000000bb", yes.tokenId, "10");
    core.setPosition("0x00000000000000000000000000000000000000bb", no.tokenId, "3");
    core.resolveMarket(market.conditionId, "Yes");
    const account = core.state.account("0x00000000000000000000000000000000000000bb");
    expect([account.balance, account.positions.get(yes.tokenId), account.positions.get(no.tokenId)]).toEqual([
      1010_000_000n,
      0n,
      0n,
    ]);
    expect([market.closed, market.winnerTokenId]).toEqual([true, yes.tokenId]);
  });

  it.each([
    ["an unknown market", "0xnope", "Yes"],
    ["an unknown outcome", "", "Maybe"],
  ])("when resolving %s then it throws a message naming the fix", (_name, conditionId, outcome) => {
    const core = coreWith(1, false);
    const market = core.addMarket({ question: "Q", category: "Test" });
    expect(() => core.resolveMarket(conditionId || market.conditionId, outcome)).toThrow(/use/);
  });
});

describe("determinism over HTTP", () => {
  it("when two stand-ins start with the same seed and advance alike then /markets and /book bodies match", async () => {
    const read = async (seed: number) => {
      const exchange = await startStandInExchange({ seed });
      try {
        exchange.advance(3);
        const markets = (await (await fetch(`${exchange.clobUrl}/markets`)).json()) as {
          data: { tokens: { token_id: string }[] }[];
        };
        const tokenId = markets.data[4]?.tokens[0]?.token_id ?? "";
        const book = (await (await fetch(`${exchange.clobUrl}/book?token_id=${tokenId}`)).json()) as Record<
          string,
          unknown
        >;
        return { markets, bids: book.bids, asks: book.asks };
      } finally {
        await exchange.close();
      }
    };
    const [a, b, c] = await Promise.all([read(11), read(11), read(12)]);
    expect(a).toEqual(b);
    expect(a.markets).not.toEqual(c.markets);
  });
});
