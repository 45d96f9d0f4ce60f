import { type FailureType, formatUsd, type Usd, usdMicros } from "@open-trade/risk-engine";
import type { Caution } from "./bot-context.ts";

/** `bot_failures.error_type`, as the risk engine defines it. */
export type { FailureType };

export interface ReflectionFailure {
  readonly type: FailureType;
  readonly marketId: string | null;
  /** What happened, in the runner's words; may quote market text, so it is treated as untrusted. */
  readonly what: string;
  readonly atMs: number;
  /** Liquidity of the market at the time, when known, to set a floor from. */
  readonly liquidityUsd?: Usd;
}

export interface Adaptation {
  readonly note: string;
  readonly avoidPattern: string | null;
  readonly caution: Partial<Caution>;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The adaptation written without a model: fixed wording per failure type, each one a tightening. */
export function templateAdaptation(failure: ReflectionFailure): Adaptation {
  const where = failure.marketId ? ` in ${failure.marketId.slice(0, 12)}` : "";
  const floor = failure.liquidityUsd === undefined ? null : usdMicros(failure.liquidityUsd * 2n);
  switch (failure.type) {
    case "slippage":
      return {
        note: `${day(failure.atMs)}: slippage${where}; reduce size by 25% until fills are clean.`,
        avoidPattern: null,
        caution: { sizeMultiplierBps: 7_500 },
      };
    case "liquidity_kill":
      return {
        note: `${day(failure.atMs)}: order killed for lack of liquidity${where}; halve size${floor === null ? "" : ` and require $${formatUsd(floor)} liquidity`}.`,
        avoidPattern: floor === null ? "thin books" : `markets under $${formatUsd(floor)} liquidity`,
        caution: { sizeMultiplierBps: 5_000, minLiquidityUsd: floor },
      };
    case "rule_violation":
      return {
        note: `${day(failure.atMs)}: a proposed trade broke a rule${where}; check room, outcome and price before proposing.`,
        avoidPattern: null,
        caution: { sizeMultiplierBps: 9_000 },
      };
    case "api_error":
    case "gas_spike":
      return {
        note: `${day(failure.atMs)}: ${failure.type.replace("_", " ")}${where}; retry next run.`,
        avoidPattern: null,
        caution: {},
      };
    case "other":
      return {
        note: `${day(failure.atMs)}: unexpected failure${where}; no change.`,
        avoidPattern: null,
        caution: {},
      };
  }
}
