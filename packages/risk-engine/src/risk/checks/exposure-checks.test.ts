import { describe, expect, it } from "vitest";
import { BOT, type Case, M, MARKET, OTHER_BOT, p, runCheck, s, u } from "../../../test/fixtures.ts";
import type { DenialCode } from "../denial.ts";
import {
  checkBotBudget,
  checkGlobalBudget,
  checkPositionSize,
  checkSharedBudget,
} from "./exposure-checks.ts";
import type { MeasuredCheck } from "./risk-check.ts";

// A BUY of 10 shares against a best ask of 0.50 with a 2 % cap is priced at 0.51: worst case 5.10 USD.
const ORDER_COST = 5_100_000n;
const held = (botId: string, marketId: string, costBasis: bigint, correlatedMarkets: string[] = []) => ({
  botId,
  marketId,
  shares: s(20n * M),
  costBasis: u(costBasis),
  correlatedMarkets,
});

type Row = [string, MeasuredCheck, Case, DenialCode | null, bigint | null];

describe("exposure checks", () => {
  it.each(
    (
      [
        [
          "position size exactly at the limit",
          checkPositionSize,
          { limits: { maxPositionSize: u(ORDER_COST) } },
          null,
          null,
        ],
        [
          "position size one micro-USD over",
          checkPositionSize,
          { limits: { maxPositionSize: u(ORDER_COST - 1n) } },
          "MAX_POSITION_SIZE_EXCEEDED",
          9_990_000n,
        ],
        [
          "held exposure in the market counts",
          checkPositionSize,
          { limits: { maxPositionSize: u(8n * M) }, snapshot: { positions: [held(BOT, MARKET, 3n * M)] } },
          "MAX_POSITION_SIZE_EXCEEDED",
          9_800_000n,
        ],
        [
          "a correlated market's exposure counts together",
          checkPositionSize,
          {
            limits: { maxPositionSize: u(8n * M) },
            snapshot: { positions: [held(BOT, "market-2", 3n * M, [MARKET])] },
          },
          "MAX_POSITION_SIZE_EXCEEDED",
          9_800_000n,
        ],
        [
          "markets correlated from this market's position count together",
          checkPositionSize,
          {
            limits: { maxPositionSize: u(8n * M) },
            snapshot: { positions: [held(BOT, MARKET, 0n, ["market-3"]), held(BOT, "market-3", 3n * M)] },
          },
          "MAX_POSITION_SIZE_EXCEEDED",
          9_800_000n,
        ],
        [
          "an uncorrelated market and another bot do not count",
          checkPositionSize,
          {
            limits: { maxPositionSize: u(ORDER_COST) },
            snapshot: { positions: [held(BOT, "market-9", 50n * M), held(OTHER_BOT, MARKET, 50n * M)] },
          },
          null,
          null,
        ],
        [
          "an open BUY order counts at its limit price",
          checkPositionSize,
          {
            limits: { maxPositionSize: u(ORDER_COST + 1_000_000n - 1n) },
            snapshot: {
              openOrders: [
                { botId: BOT, marketId: MARKET, side: "BUY", shares: s(2n * M), price: p(500_000n) },
              ],
            },
          },
          "MAX_POSITION_SIZE_EXCEEDED",
          9_990_000n,
        ],
        [
          "an open SELL order adds no exposure",
          checkPositionSize,
          {
            limits: { maxPositionSize: u(ORDER_COST) },
            snapshot: {
              openOrders: [
                { botId: BOT, marketId: MARKET, side: "SELL", shares: s(2n * M), price: p(500_000n) },
              ],
            },
          },
          null,
          null,
        ],
        [
          "a SELL is never limited by size",
          checkPositionSize,
          { intent: { side: "SELL" }, limits: { maxPositionSize: u(0) } },
          null,
          null,
        ],
        [
          "bot budget exactly at the limit",
          checkBotBudget,
          { limits: { riskBudget: u(ORDER_COST) } },
          null,
          null,
        ],
        [
          "bot budget one over",
          checkBotBudget,
          { limits: { riskBudget: u(ORDER_COST - 1n) } },
          "BOT_RISK_BUDGET_EXCEEDED",
          9_990_000n,
        ],
        [
          "bot budget counts every market of the bot",
          checkBotBudget,
          {
            limits: { riskBudget: u(ORDER_COST + 1n * M) },
            snapshot: { positions: [held(BOT, "market-9", 1n * M + 1n)] },
          },
          "BOT_RISK_BUDGET_EXCEEDED",
          9_990_000n,
        ],
        ["no bot budget (NULL)", checkBotBudget, { limits: { riskBudget: null } }, null, null],
        [
          "a shared bot skips the individual budget",
          checkBotBudget,
          { limits: { riskBudget: u(0), riskBudgetType: "shared" } },
          null,
          null,
        ],
        [
          "shared pool exactly at the limit",
          checkSharedBudget,
          {
            limits: { riskBudgetType: "shared" },
            snapshot: {
              bots: [
                { botId: BOT, riskBudgetType: "shared", riskBudgetUsd: u(ORDER_COST) },
                { botId: OTHER_BOT, riskBudgetType: "shared", riskBudgetUsd: u(2n * M) },
              ],
              positions: [held(OTHER_BOT, "market-9", 2n * M)],
            },
          },
          null,
          null,
        ],
        [
          "shared pool one over",
          checkSharedBudget,
          {
            limits: { riskBudgetType: "shared" },
            snapshot: {
              bots: [
                { botId: BOT, riskBudgetType: "shared", riskBudgetUsd: u(ORDER_COST) },
                { botId: OTHER_BOT, riskBudgetType: "shared", riskBudgetUsd: u(2n * M) },
                { botId: "bot-3", riskBudgetType: "individual", riskBudgetUsd: u(100n * M) },
              ],
              positions: [held(OTHER_BOT, "market-9", 2n * M + 1n), held("bot-3", "market-9", 50n * M)],
            },
          },
          "SHARED_RISK_BUDGET_EXCEEDED",
          9_990_000n,
        ],
        [
          "a shared pool without any budget is unlimited",
          checkSharedBudget,
          {
            limits: { riskBudgetType: "shared" },
            snapshot: { bots: [{ botId: BOT, riskBudgetType: "shared", riskBudgetUsd: null }] },
          },
          null,
          null,
        ],
        ["an individual bot ignores the pool", checkSharedBudget, {}, null, null],
        [
          "global budget exactly at the limit",
          checkGlobalBudget,
          {
            limits: { globalRiskBudget: u(ORDER_COST + 7n) },
            snapshot: { positions: [held(OTHER_BOT, "x", 7n)] },
          },
          null,
          null,
        ],
        [
          "global budget one over",
          checkGlobalBudget,
          {
            limits: { globalRiskBudget: u(ORDER_COST + 6n) },
            snapshot: { positions: [held(OTHER_BOT, "x", 7n)] },
          },
          "GLOBAL_RISK_BUDGET_EXCEEDED",
          9_990_000n,
        ],
        [
          "global budget NULL is unlimited",
          checkGlobalBudget,
          { limits: { globalRiskBudget: null } },
          null,
          null,
        ],
        [
          "exposure already above the budget allows nothing",
          checkGlobalBudget,
          {
            limits: { globalRiskBudget: u(1n * M) },
            snapshot: { positions: [held(OTHER_BOT, "x", 2n * M)] },
          },
          "GLOBAL_RISK_BUDGET_EXCEEDED",
          0n,
        ],
      ] as Row[]
    ).map(
      ([name, check, c, code, maxShares]) => [name, code ?? "no denial", check, c, code, maxShares] as const,
    ),
  )("when %s then %s", (_name, _outcome, check, c, code, maxShares) => {
    const denial = runCheck(check, c);
    expect(denial?.code ?? null).toBe(code);
    if (denial && "maxShares" in denial.context) expect(denial.context.maxShares).toBe(maxShares);
  });

  it("when the pool is exceeded then the context carries exposure, cost and pool", () => {
    const denial = runCheck(checkSharedBudget, {
      limits: { riskBudgetType: "shared" },
      snapshot: { bots: [{ botId: OTHER_BOT, riskBudgetType: "shared", riskBudgetUsd: u(1n * M) }] },
    });
    expect(denial).toEqual({
      code: "SHARED_RISK_BUDGET_EXCEEDED",
      context: { exposure: 0n, orderCost: ORDER_COST, pool: 1_000_000n, maxShares: 1_960_000n },
    });
  });
});
