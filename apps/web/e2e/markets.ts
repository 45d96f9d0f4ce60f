import type { StandInExchange } from "@open-trade/polymarket";

/**
 * A liquid politics market where YES is a long shot (bid 7¢ / ask 8¢), so the "Fade long shots" template's
 * rules fire on the first evaluation: buy NO.
 */
export function addLongShotMarket(exchange: StandInExchange) {
  const end = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const market = exchange.addMarket({
    question: "[Simulated] Will the long shot win the e2e election?",
    category: "politics",
    endDateIso: end,
  });
  const [yes, no] = market.tokens;
  if (!yes || !no) throw new Error("The stand-in market has no YES/NO tokens.");
  exchange.setBook(yes.tokenId, {
    bids: [{ price: "0.07", size: "200000" }],
    asks: [{ price: "0.08", size: "200000" }],
  });
  exchange.setBook(no.tokenId, {
    bids: [{ price: "0.92", size: "200000" }],
    asks: [{ price: "0.93", size: "200000" }],
  });
  return market;
}
