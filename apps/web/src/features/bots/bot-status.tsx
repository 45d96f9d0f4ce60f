import { Badge } from "@open-trade/ui/badge";

const STATUS = {
  paper: { label: "Running (paper)", variant: "gain" },
  live: { label: "Running (LIVE)", variant: "loss" },
  paused: { label: "Paused", variant: "secondary" },
  "paused:ai_unavailable": { label: "Waiting for model", variant: "warning" },
  error: { label: "Error", variant: "loss" },
} as const;

export type BotStatus = keyof typeof STATUS;

export function StatusBadge({ status }: { status: BotStatus }) {
  const look = STATUS[status];
  return <Badge variant={look.variant}>{look.label}</Badge>;
}

/** Paper and live are never mixed: every number carries the mode it belongs to. */
export function ModeTag({ mode }: { mode: "paper" | "live" }) {
  return (
    <Badge variant={mode === "live" ? "loss" : "outline"} className="uppercase">
      {mode}
    </Badge>
  );
}

export function TradingStateBadge({ state }: { state: "ACTIVE" | "REDUCING" | "HALTED" }) {
  const variant = state === "ACTIVE" ? "outline" : state === "REDUCING" ? "warning" : "loss";
  return <Badge variant={variant}>{state}</Badge>;
}
