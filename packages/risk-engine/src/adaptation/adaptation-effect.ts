/**
 * A tightening derived from past failures, valid until `until` (epoch ms). Factors are in basis points
 * of the current limit and are clamped to at most 10_000 when applied, so memory can never loosen a limit.
 */
export type AdaptationEffect =
  | {
      readonly kind: "SCALE_MAX_POSITION";
      readonly marketId: string;
      readonly factorBps: number;
      readonly until: number;
    }
  | {
      readonly kind: "SCALE_SLIPPAGE";
      readonly marketId: string;
      readonly factorBps: number;
      readonly until: number;
    }
  | { readonly kind: "BLOCK_MARKET"; readonly marketId: string; readonly until: number };
