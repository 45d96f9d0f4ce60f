import { toScaled } from "../../lib/money.ts";

export type BotFilter = "all" | "running" | "paused";
export type BotSort = "priority" | "name" | "pnl" | "last-run";

interface ListedBot {
  readonly name: string;
  readonly status: string;
  readonly pnlTodayUsd: string;
  readonly lastEvaluation: { readonly at: string } | null;
}

const isRunning = (status: string) => status === "paper" || status === "live";

export function filterBots<T extends ListedBot>(bots: readonly T[], show: BotFilter): T[] {
  if (show === "all") return [...bots];
  return bots.filter((b) => isRunning(b.status) === (show === "running"));
}

const signed = (value: string) => {
  const { negative, units } = toScaled(value, 6);
  return negative ? -units : units;
};

/** "priority" keeps the API's order (priority, then age); the others sort exactly, best first. */
export function sortBots<T extends ListedBot>(bots: readonly T[], sort: BotSort): T[] {
  const copy = [...bots];
  if (sort === "name") return copy.sort((a, b) => a.name.localeCompare(b.name));
  if (sort === "pnl") {
    return copy.sort((a, b) => {
      const d = signed(b.pnlTodayUsd) - signed(a.pnlTodayUsd);
      return d > 0n ? 1 : d < 0n ? -1 : 0;
    });
  }
  if (sort === "last-run") {
    return copy.sort((a, b) => (b.lastEvaluation?.at ?? "").localeCompare(a.lastEvaluation?.at ?? ""));
  }
  return copy;
}
