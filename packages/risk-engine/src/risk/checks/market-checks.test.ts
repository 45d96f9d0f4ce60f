import { describe, expect, it } from "vitest";
import { type Case, ladder, MARKET, NOW, runCheck } from "../../../test/fixtures.ts";
import type { DenialCode } from "../denial.ts";
import { checkAdaptationBlock, checkCategory, checkMarketKnown, checkMarketOpen } from "./market-checks.ts";
import type { MeasuredCheck } from "./risk-check.ts";

const market = (overrides: object) => ({
  id: MARKET,
  category: "politics",
  open: true,
  book: ladder(2),
  ...overrides,
});

describe("market checks", () => {
  it.each(
    (
      [
        ["the market is in the snapshot", checkMarketKnown, {}, null],
        ["the snapshot has no market", checkMarketKnown, { snapshot: { market: null } }, "MARKET_UNKNOWN"],
        [
          "the snapshot holds a different market",
          checkMarketKnown,
          { snapshot: { market: market({ id: "x" }) } },
          "MARKET_UNKNOWN",
        ],
        ["the market is open", checkMarketOpen, {}, null],
        [
          "the market is closed",
          checkMarketOpen,
          { snapshot: { market: market({ open: false }) } },
          "MARKET_CLOSED",
        ],
        ["the category is allowed", checkCategory, {}, null],
        [
          "the category is not allowed",
          checkCategory,
          { limits: { allowedCategories: ["crypto"] } },
          "CATEGORY_NOT_ALLOWED",
        ],
        [
          "no category is allowed",
          checkCategory,
          { limits: { allowedCategories: [] } },
          "CATEGORY_NOT_ALLOWED",
        ],
        ["every category is allowed (NULL)", checkCategory, { limits: { allowedCategories: null } }, null],
        [
          "the category is allowed in other letter case",
          checkCategory,
          {
            snapshot: { market: market({ category: "Politics" }) },
            limits: { allowedCategories: ["POLITICS"] },
          },
          null,
        ],
        ["no block is in force", checkAdaptationBlock, {}, null],
        [
          "a block is in force",
          checkAdaptationBlock,
          { snapshot: { adaptations: [{ kind: "BLOCK_MARKET", marketId: MARKET, until: NOW + 1 }] } },
          "MARKET_BLOCKED_BY_ADAPTATION",
        ],
        [
          "a block ends exactly now",
          checkAdaptationBlock,
          { snapshot: { adaptations: [{ kind: "BLOCK_MARKET", marketId: MARKET, until: NOW }] } },
          null,
        ],
      ] as [string, MeasuredCheck, Case, DenialCode | null][]
    ).map(([name, check, c, code]) => [name, code ?? "no denial", check, c, code] as const),
  )("when %s then %s", (_name, _outcome, check, c, code) => {
    expect(runCheck(check, c)?.code ?? null).toBe(code);
  });
});
