// The stand-in exchange names its simulated markets "[Simulated] …" (slug "simulated-…"): the one signal the
// API passes through. A trader must never mistake such a market for a real one.

const PREFIX = /^\s*\[simulated\]\s*/i;

export function isSimulated(market: { readonly question: string; readonly slug?: string }): boolean {
  return PREFIX.test(market.question) || Boolean(market.slug?.startsWith("simulated-"));
}

/** The question without the "[Simulated]" prefix: the SIMULATED badge says it instead. */
export function questionText(question: string): string {
  return question.replace(PREFIX, "");
}
