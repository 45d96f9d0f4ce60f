import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DecisionCard } from "./decision-card.tsx";
import { MarketSeen } from "./market-seen.tsx";
import { OrderCard } from "./order-card.tsx";
import { holding, RoomBefore } from "./room-before.tsx";

const market = {
  marketId: "0xabc",
  question: "[Simulated] Will the long shot win?",
  outcome: "NO" as const,
  tokenId: "t-no",
  bid: { best: "0.92", depthShares: "200000", depthUsd: "184000" },
  ask: { best: "0.93", depthShares: "1500.5", depthUsd: "1395.465" },
  spread: "0.01",
  tickSize: "0.01",
  simulated: true,
};

afterEach(cleanup);

describe("trace sections", () => {
  it("when the market snapshot is shown then book top, spread, depth and the SIMULATED label are there", () => {
    const { getByText } = render(<MarketSeen market={market} />);
    expect(getByText("SIMULATED market")).toBeTruthy();
    expect(getByText("Will the long shot win?", { exact: false })).toBeTruthy();
    expect(getByText("92¢")).toBeTruthy();
    expect(getByText("93¢")).toBeTruthy();
    expect(getByText("1,500.5 shares ($1,395.47)")).toBeTruthy();
  });

  it("when the runner did not flag it but the stand-in exchange named it so then it is still SIMULATED", () => {
    const { getByText } = render(<MarketSeen market={{ ...market, simulated: false }} />);
    expect(getByText("SIMULATED market")).toBeTruthy();
  });

  it("when a real market is shown then there is no SIMULATED label", () => {
    const { queryByText } = render(
      <MarketSeen market={{ ...market, question: "Will it rain?", simulated: false }} />,
    );
    expect(queryByText("SIMULATED market")).toBeNull();
  });

  it("when room and the position before are shown then each is a number in words", () => {
    const { getByText } = render(
      <RoomBefore
        room={{ perTradeUsd: "25", budgetLeftUsd: "9.5", tradesLeftToday: 3, newMarketsLeft: 1 }}
        position={{ shares: "0", averageEntryPrice: null }}
      />,
    );
    expect(getByText("$9.50")).toBeTruthy();
    expect(getByText("Nothing held")).toBeTruthy();
    expect(holding({ shares: "12.5", averageEntryPrice: "0.51" })).toBe("12.5 shares at 51¢ average");
  });

  it("when the model decided then action, size, limit, confidence, model, tokens and cost show", () => {
    const { getByText } = render(
      <DecisionCard
        decision={{
          action: "BUY",
          outcome: "NO",
          shares: "10",
          sizeUsd: "9.3",
          limitPrice: "0.94",
          confidence: "0.72",
          decidedBy: "model",
        }}
        cost={{
          decidedBy: "model",
          modelId: "openai/gpt-4o-mini",
          llmInputTokens: 812,
          llmOutputTokens: 64,
          llmBilledUsd: "0.000161",
        }}
        reasoning="Long shots are overpriced."
      />,
    );
    for (const text of ["BUY NO", "10 shares ($9.30)", "94¢", "72%", "openai/gpt-4o-mini", "$0.000161"]) {
      expect(getByText(text)).toBeTruthy();
    }
    expect(getByText("Long shots are overpriced.")).toBeTruthy();
  });

  it("when a clipped order filled then the order, its slippage in words and each fill's slippage show", () => {
    const { getByText, getAllByText } = render(
      <OrderCard
        order={{
          side: "BUY",
          shares: "8",
          limitPrice: "0.94",
          orderType: "FAK",
          reduced: true,
          averagePrice: "0.935",
          slippageBps: "53.77",
          feesUsd: "0.0112",
        }}
        fills={[
          {
            id: "f1",
            side: "buy",
            size: "8",
            price: "0.935",
            feeUsd: "0.0112",
            orderId: "o1",
            createdAt: "2026-12-03T12:00:00.000Z",
          },
        ]}
        referencePrice="0.93"
      />,
    );
    expect(getByText("Size clipped by the risk engine")).toBeTruthy();
    expect(getByText("53.77 bps worse")).toBeTruthy();
    expect(getByText("+0.5¢")).toBeTruthy();
    expect(getAllByText("$0.0112").length).toBe(2);
  });

  it("when nothing was sent then the order section says so", () => {
    const { getByText } = render(<OrderCard fills={[]} referencePrice={null} />);
    expect(getByText("No order was sent in this evaluation.")).toBeTruthy();
  });
});
