import { cn } from "@open-trade/ui/cn";

/**
 * The outcome a position holds, as Polymarket shows it: Yes in green, No in red, others neutral; always text.
 * Null while the market is loading.
 */
export function OutcomeChip({ outcome }: { outcome: string | null }) {
  const word = outcome ?? "…";
  const look =
    word.toLowerCase() === "yes"
      ? "border-gain/40 bg-gain/10 text-gain"
      : word.toLowerCase() === "no"
        ? "border-loss/40 bg-loss/10 text-loss"
        : "border-border bg-muted text-foreground";
  return (
    <span className={cn("inline-flex rounded-md border px-2 py-0.5 text-xs font-semibold", look)}>
      {word}
    </span>
  );
}
