import type { Transaction } from "@open-trade/db";
import { type BotContext, type FailureType, reflect } from "@open-trade/llm";
import { sql } from "drizzle-orm";

/**
 * Step 11: a `bot_failures` row with its type and an adaptation note the next evaluation reads, and the
 * lessons merged into `bot_context` (they can only tighten). The note comes from the template, so a
 * failure never spends model money on explaining itself.
 */
export async function recordFailure(
  tx: Transaction,
  botId: string,
  context: BotContext,
  failure: { readonly type: FailureType; readonly marketId: string | null; readonly what: string },
  nowMs: number,
): Promise<string> {
  const reflection = await reflect(null, { ...failure, atMs: nowMs }, context);
  const note = reflection.adaptation.note.slice(0, 2000);
  await tx.execute(sql`insert into public.bot_failures (bot_id, error_type, market_id, adaptation_note)
      values (${botId}, ${failure.type}::public.bot_failure_type, ${failure.marketId}, ${note})`);
  await tx.execute(sql`insert into public.bot_context (bot_id, context_json) values (${botId}, ${JSON.stringify(reflection.context)}::jsonb)
      on conflict (bot_id) do update set context_json = excluded.context_json`);
  return note;
}
