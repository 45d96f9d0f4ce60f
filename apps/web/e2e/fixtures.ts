import { isDeepStrictEqual } from "node:util";
import type { StandInExchange } from "@open-trade/polymarket";
import type { Page } from "playwright-core";

/**
 * Two liquid politics markets where YES is a long shot (bid 7¢ / ask 8¢), so the "Fade long shots" template's
 * rules fire: the first evaluation buys NO in one, and with a $10 risk budget the next, in the other market, is
 * denied by the risk engine.
 */
export function addLongShotMarkets(exchange: StandInExchange) {
  const end = new Date(Date.now() + 10 * 86_400_000).toISOString();
  return ["first", "second"].map((which) => {
    const market = exchange.addMarket({
      question: `[Simulated] Will the ${which} long shot win the e2e election?`,
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
  });
}

/**
 * Reads the bot back through the API, as the signed-in trader: the builder must have sent the template's id,
 * and the API stored that template's recipe (a bot without one cannot run).
 */
export async function expectTemplateRecipe(page: Page, apiUrl: string, botId: string, title: string) {
  const response = await fetch(`${apiUrl}/trpc/strategy.templates`);
  const body = (await response.json()) as { result: { data: { title: string; recipe: unknown }[] } };
  const template = body.result.data.find((t) => t.title === title);
  if (!template) throw new Error(`The API has no template titled "${title}".`);
  const stored = await page.evaluate(
    async ({ id }) => {
      const session = JSON.parse(localStorage.getItem("open-trade-session") ?? "null") as {
        accessToken: string;
      } | null;
      if (!session) throw new Error("Nobody is signed in.");
      const input = encodeURIComponent(JSON.stringify({ botId: id }));
      const res = await fetch(`/trpc/bots.byId?input=${input}`, {
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      return ((await res.json()) as { result?: { data: { recipe: unknown } } }).result?.data.recipe;
    },
    { id: botId },
  );
  if (!isDeepStrictEqual(stored, template.recipe)) {
    throw new Error(`The bot does not run the "${title}" template's recipe.`);
  }
}
