import type { Transaction } from "@open-trade/db";
import { loadBotState } from "../store/bot-state.ts";
import { openEvaluation } from "../store/evaluations.ts";
import type { BotState } from "./bot-state.ts";

/**
 * Step 2, inside the orchestrator's first transaction, in one round trip: loads the bot (state, today's
 * numbers, ledger, memory, unfinished orders) and opens this evaluation's record as `running`, pipelined (the
 * reads are sent first, so they see the bot as it was before this evaluation). Null when the bot is gone.
 */
export async function loadBot(
  tx: Transaction,
  q: { botId: string; runnerId: string; nowMs: number },
): Promise<{ state: BotState; evaluationId: string } | null> {
  const [state, evaluationId] = await Promise.all([
    loadBotState(tx, q.botId, q.nowMs),
    openEvaluation(tx, q),
  ]);
  return state && evaluationId ? { state, evaluationId } : null;
}
