import type { Transaction } from "@open-trade/db";
import { loadBotState } from "../store/bot-state.ts";
import { openEvaluation } from "../store/evaluations.ts";
import type { BotState } from "./bot-state.ts";

/**
 * Step 2, inside the orchestrator's first transaction: loads the bot (state, today's numbers, ledger, memory,
 * unfinished orders) and opens this evaluation's record as `running`. Null when the bot is gone.
 */
export async function loadBot(
  tx: Transaction,
  q: { botId: string; runnerId: string; nowMs: number },
): Promise<{ state: BotState; evaluationId: string } | null> {
  const state = await loadBotState(tx, q.botId, q.nowMs);
  if (!state) return null;
  return { state, evaluationId: await openEvaluation(tx, { ...q, mode: state.mode }) };
}
