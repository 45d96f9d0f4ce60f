import { EventEmitter } from "node:events";
import { z } from "zod";
import type { Logger } from "../logger.ts";

/** What the database's notify trigger sends: an id and its bot, never the row. */
export const changeSchema = z.object({
  table: z.enum(["trade_logs", "bot_evaluations", "bots"]),
  id: z.uuid(),
  botId: z.uuid(),
});
export type Change = z.infer<typeof changeSchema>;

export const CHANGES_CHANNEL = "open_trade_changes";

export interface ChangeFeed {
  readonly events: EventEmitter<{ change: [Change] }>;
  close(): Promise<void>;
}

/**
 * One LISTEN per API process, fanned out in memory to every live subscription. Each subscription loads what a
 * change refers to under its own user's RLS, so a notification reveals nothing by itself.
 */
export async function createChangeFeed(
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
  log: Logger,
): Promise<ChangeFeed> {
  const events = new EventEmitter<{ change: [Change] }>();
  events.setMaxListeners(0);
  const stop = await listen(CHANGES_CHANNEL, (payload) => {
    let parsed: z.ZodSafeParseResult<Change>;
    try {
      parsed = changeSchema.safeParse(JSON.parse(payload));
    } catch {
      parsed = changeSchema.safeParse(null);
    }
    if (parsed.success) events.emit("change", parsed.data);
    else log.error("changes.malformed", { channel: CHANGES_CHANNEL });
  });
  return { events, close: stop };
}
