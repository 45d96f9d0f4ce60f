import { cn } from "@open-trade/ui/cn";
import { ArrowDownRight, ArrowUpRight, Equal } from "lucide-react";
import { direction, formatUsd } from "../lib/money.ts";

const LOOK = {
  gain: { Icon: ArrowUpRight, className: "text-gain", word: "gain" },
  loss: { Icon: ArrowDownRight, className: "text-loss", word: "loss" },
  flat: { Icon: Equal, className: "text-muted-foreground", word: "no change" },
} as const;

/** A profit or loss: sign, arrow and colour together, and a spoken word, so colour is never the only cue. */
export function Pnl({ value, className }: { value: string; className?: string }) {
  const look = LOOK[direction(value)];
  return (
    <span className={cn("inline-flex items-center gap-0.5 tabular-nums", look.className, className)}>
      <look.Icon aria-hidden="true" className="size-3.5 shrink-0" />
      {formatUsd(value, { signed: true })}
      <span className="sr-only"> ({look.word})</span>
    </span>
  );
}
