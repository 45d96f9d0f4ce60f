/** The lines the view pins above the board, so nobody mistakes simulated prices or a waiting bot for a fault. */
export function startupNotices(state: { simulated: boolean; hasModelKey: boolean }): string[] {
  const notices: string[] = [];
  if (state.simulated) {
    notices.push(
      "SIMULATED market data: Polymarket was not reachable (or MARKET_DATA=sim), so a stand-in exchange on 127.0.0.1 makes up the prices.",
    );
  }
  if (!state.hasModelKey) {
    notices.push(
      "No OPENROUTER_API_KEY: model-driven bots wait and record a skipped evaluation; rule-only bots trade. Set the key to enable them.",
    );
  }
  notices.push("All demo bots trade on paper: no real order is ever sent.");
  return notices;
}
