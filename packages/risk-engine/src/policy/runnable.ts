import type { BotStatus } from "./validate-bot-config.ts";

/** The statuses a scheduler evaluates; `paused` and `error` wait for the user. */
export const RUNNABLE_STATUSES = [
  "paper",
  "live",
  "paused:ai_unavailable",
] as const satisfies readonly BotStatus[];

export type RunnableStatus = (typeof RUNNABLE_STATUSES)[number];

export function isRunnable(status: string): status is RunnableStatus {
  return (RUNNABLE_STATUSES as readonly string[]).includes(status);
}
