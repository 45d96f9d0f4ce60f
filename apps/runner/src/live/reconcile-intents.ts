import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import type { Execution } from "@open-trade/polymarket";
import { type Shares, tradesFillPrice, type Usd } from "@open-trade/risk-engine";
import { recordFill } from "../ledger/record-fill.ts";
import type { BotState, IntentRow } from "../pipeline/bot-state.ts";
import { settleIntent } from "./settle-intent.ts";

export interface ReconcileDeps {
  readonly db: Database;
  readonly live: (userId: string) => Promise<Execution>;
  readonly nowMs: () => number;
}

/**
 * Before a bot places anything new, every order it may have sent without learning the result is settled
 * against the exchange: `prepared` never left the process (abandoned); a paper order existed only inside
 * the evaluation that placed it, so one whose fill was not recorded never happened (abandoned); live
 * `submitted`/`ambiguous` orders are looked up by their deterministic id. Fills found are recorded under the same fill key the normal path uses, so
 * a fill can never be booked twice; a resting remainder is cancelled. Returns the intents still unknown
 * (the exchange did not answer), for which the bot must wait.
 */
export async function reconcileIntents(deps: ReconcileDeps, state: BotState): Promise<IntentRow[]> {
  const unknown: IntentRow[] = [];
  for (const intent of state.unresolvedIntents) {
    if (intent.status === "prepared" || intent.mode === "paper") {
      await settleIntent(deps.db, intent.orderId, "abandoned");
      continue;
    }
    const execution = await deps.live(state.userId);
    const trades = await execution.trades({ orderId: intent.orderId });
    if (!trades.ok) {
      unknown.push(intent);
      continue;
    }
    const open = await execution.openOrders({ tokenId: intent.tokenId });
    if (open.ok && open.value.some((o) => o.orderId === intent.orderId))
      await execution.cancelOrder(intent.orderId);
    const fills = trades.value.filter((t) => t.orderId === intent.orderId);
    const filled = fills.reduce((sum, f) => sum + f.shares, 0n);
    if (filled === 0n) {
      await settleIntent(deps.db, intent.orderId, "rejected", "RECONCILED_UNFILLED");
      continue;
    }
    await asService(deps.db, (tx) =>
      recordFill(
        tx,
        {
          botId: state.id,
          userId: state.userId,
          mode: intent.mode,
          marketId: intent.marketId,
          tokenId: intent.tokenId,
          orderId: intent.orderId,
          side: intent.side,
          shares: filled as Shares,
          price: tradesFillPrice(intent.side, fills),
          fee: fills.reduce((sum, f) => sum + (f.fee ?? 0n), 0n) as Usd,
          reasoning: `Reconciled with the exchange after an interrupted submission of order ${intent.orderId}.`,
          recipe: state.recipeJson,
        },
        deps.nowMs(),
      ),
    );
  }
  return unknown;
}
