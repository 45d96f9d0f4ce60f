import type { Price, Shares, Usd } from "@open-trade/risk-engine";
import { z } from "zod";
import { priceString, sharesString } from "../recipe/wire-money.ts";
import type { OutcomeSide } from "./decision-snapshot.ts";

/** What the model must answer: strict, flat, nullable instead of optional (structured-output friendly). */
export const decisionWireSchema = z.strictObject({
  action: z.enum(["buy", "sell", "hold"]),
  /** A reference from the prompt such as "m3", never a condition id. */
  market: z.string().max(10).nullable(),
  outcome: z.enum(["YES", "NO"]).nullable(),
  amount: z.strictObject({ unit: z.enum(["usd", "shares"]), value: sharesString }).nullable(),
  worstPrice: priceString.nullable(),
  confidence: z.number().int().min(0).max(100),
  reasoning: z.string().min(1).max(1_500),
});

export type DecisionWire = z.infer<typeof decisionWireSchema>;

export type DecisionAmount =
  | { readonly unit: "usd"; readonly usd: Usd }
  | { readonly unit: "shares"; readonly shares: Shares };

/** The checked decision, with exact money, that the risk engine receives. */
export type ModelDecision =
  | {
      readonly action: "hold";
      readonly confidence: number;
      readonly reasoning: string;
      /** A model id, or "local/rules" for rule-only evaluation. */
      readonly decidedBy: string;
    }
  | {
      readonly action: "buy" | "sell";
      readonly marketId: string;
      readonly outcome: OutcomeSide;
      readonly amount: DecisionAmount;
      readonly worstPrice: Price;
      readonly confidence: number;
      readonly reasoning: string;
      readonly decidedBy: string;
    };

export const RULES_DECIDER = "local/rules";
