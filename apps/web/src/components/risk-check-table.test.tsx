import { render, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { explainCode, RiskCheckTable } from "./risk-check-table.tsx";

describe("RiskCheckTable", () => {
  it("when checks pass, clip and deny then each row says so in words with its code explained", () => {
    const { getAllByRole } = render(
      <RiskCheckTable
        rows={[
          { check: "market is open", limit: null, value: null, result: "pass", code: null },
          {
            check: "slippage within threshold",
            limit: "2%",
            value: "3.1%",
            result: "clipped",
            code: "SLIPPAGE_EXCEEDED",
          },
          {
            check: "trades today below the limit",
            limit: "10",
            value: "10",
            result: "denied",
            code: "MAX_TRADES_PER_DAY_REACHED",
          },
          { check: "shared risk pool", limit: null, value: null, result: "skipped", code: null },
        ]}
      />,
    );
    const [, pass, clipped, denied, skipped] = getAllByRole("row");
    expect(within(skipped as HTMLElement).getByText("Skipped")).toBeTruthy();
    expect(within(pass as HTMLElement).getByText("Pass")).toBeTruthy();
    expect(within(clipped as HTMLElement).getByText("Clipped")).toBeTruthy();
    expect(within(denied as HTMLElement).getByText("Denied")).toBeTruthy();
    expect(within(denied as HTMLElement).getByText("MAX_TRADES_PER_DAY_REACHED")).toBeTruthy();
    expect(
      within(denied as HTMLElement).getByText("The bot already made max_trades_per_day trades today."),
    ).toBeTruthy();
  });

  it("when a code is unknown to this build then it is shown as it came", () => {
    expect(explainCode("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
