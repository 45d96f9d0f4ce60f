import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import type { Execution } from "@open-trade/polymarket";
import { type Shares, tradesFillPrice, type Usd } from "@open-trade/risk-engine";
import { settleIntent } from "../store/intents.ts";
import { recordFill } from "../store/ledger-writes.ts";
import type { BotState, IntentRow } from "./bot-state.ts";
import { type Outcome, outcome } from "./outcome.ts";

export interface ReconcileDeps {
  readonly db: Database;
  readonly live: (userId: string) => Promise<Execution>;
  readonly nowMs: () => number;
}

/**
 * Step 9's recovery, run before a bot decides anything new: every order it may have sent without learning
 * the result is settled against the exchange. `prepared` never left the process (abandoned); a paper order
 * existed only inside the evaluation that placed it, so one whose fill was not recorded never happened
 * (abandoned); live `submitted`/`ambiguous` orders are looked up by their deterministic id. Fills found are
 * recorded under the same fill key the normal path uses, so a fill can never be booked twice; a resting
 * remainder is cancelled. Each intent settles in its own transaction, between calls to the exchange.
 * Returns a skip while any stays unknown (the exchange did not answer): the bot waits for it.
 */
export async function reconcileOrders(deps: ReconcileDeps, state: BotState): Promise<Outcome | null> {
  const unknown: IntentRow[] = [];
  for (const intent of state.unresolvedIntents) {
    if (intent.status === "prepared" || intent.mode === "paper") {
      await asService(deps.db, (tx) => settleIntent(tx, intent.orderId, "abandoned"));
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
      await asService(deps.db, (tx) => settleIntent(tx, intent.orderId, "rejected", "RECONCILED_UNFILLED"));
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
          evaluationId: intent.evaluationId,
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
  if (unknown.length === 0) return null;
  const orders = unknown.map((i) => i.orderId).join(", ");
  return outcome(
    "skipped",
    `Waiting to reconcile order ${orders} with the exchange before placing anything new.`,
  );
}
