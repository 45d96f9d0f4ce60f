import { describe, expect, it } from "vitest";
import { ledgerCsv } from "./ledger-csv.ts";

describe("ledgerCsv", () => {
  it("when trades are exported then each field is the API's exact string and cost is their exact product", () => {
    const csv = ledgerCsv([
      {
        id: "t1",
        botId: "b1",
        botName: 'Fade "long" shots',
        marketId: "0xabc",
        tokenId: null,
        mode: "paper",
        side: "buy",
        size: "33.333333",
        price: "0.07",
        feeUsd: "0.012345",
        reasoning: "ignored",
        orderId: null,
        createdAt: "2026-01-01T10:00:00.000Z",
      },
    ]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(
      '"time_utc","trade_id","bot","mode","market_id","token_id","side","shares","price","cost_usd","fee_usd","order_id"',
    );
    expect(row).toBe(
      '"2026-01-01T10:00:00.000Z","t1","Fade ""long"" shots","paper","0xabc","","buy","33.333333","0.07","2.333334","0.012345",""',
    );
  });
});
