import { price, shares } from "@open-trade/risk-engine";
import { keccak256, stringToHex } from "viem";
import type { Market } from "./types.ts";

/** What a test or the simulation says about a new market; everything but question and category has a default. */
export interface MarketSpec {
  readonly question: string;
  readonly category: string;
  readonly description?: string;
  readonly outcomes?: readonly [string, string];
  readonly negRisk?: boolean;
  /** One of Polymarket's ticks: "0.1", "0.01", "0.005", "0.0025", "0.001", "0.0001". */
  readonly tickSize?: string;
  readonly minOrderSize?: string;
  /** Taker fee rate in basis points (700 = 7%) and the fee curve exponent (reference V2 §3.3). */
  readonly feeRateBps?: number;
  readonly feeExponent?: number;
  readonly endDateIso?: string;
  /** Markets sharing an event title are grouped into one Gamma event (neg-risk events have several). */
  readonly eventTitle?: string;
}

export const VALID_TICKS = ["0.1", "0.01", "0.005", "0.0025", "0.001", "0.0001"] as const;

const hash = (text: string): string => keccak256(stringToHex(text));
const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\[simulated\]\s*/g, "simulated-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

/** Builds a market with ids derived from `salt` and `index`, so the same inputs give the same ids. */
export function createMarket(spec: MarketSpec, salt: string, index: number, eventIndex: number): Market {
  const tick = spec.tickSize ?? "0.01";
  if (!(VALID_TICKS as readonly string[]).includes(tick)) {
    throw new Error(`tickSize "${tick}" is not a Polymarket tick; use one of ${VALID_TICKS.join(", ")}`);
  }
  const base = `${salt}:${index}:${spec.question}`;
  const [yes, no] = spec.outcomes ?? ["Yes", "No"];
  const tokenId = (label: string) => BigInt(hash(`${base}:token:${label}`)).toString();
  return {
    conditionId: hash(`${base}:condition`),
    questionId: hash(`${base}:question`),
    gammaId: String(500_000 + index),
    slug: `${slugify(spec.question)}-${index}`,
    question: spec.question,
    description:
      spec.description ?? `${spec.question} Resolves by the stand-in exchange's resolveMarket call.`,
    category: spec.category,
    eventId: String(90_000 + eventIndex),
    eventTitle: spec.eventTitle ?? spec.question,
    endDateIso: spec.endDateIso ?? "2027-12-31T00:00:00Z",
    negRisk: spec.negRisk ?? false,
    tickSize: price(tick),
    minOrderSize: shares(spec.minOrderSize ?? "5"),
    feeRateBps: spec.feeRateBps ?? 0,
    feeExponent: spec.feeExponent ?? 1,
    tokens: [
      { tokenId: tokenId(yes), outcome: yes },
      { tokenId: tokenId(no), outcome: no },
    ],
    closed: false,
    winnerTokenId: null,
  };
}
