import { Badge } from "@open-trade/ui/badge";
import { Ban, CircleCheck, CircleDashed, CircleX, Loader, PauseCircle } from "lucide-react";

export type Outcome = "running" | "filled" | "hold" | "denied" | "skipped" | "failed";

const LOOK = {
  filled: { label: "Traded", variant: "gain", Icon: CircleCheck },
  denied: { label: "Blocked by risk engine", variant: "loss", Icon: Ban },
  hold: { label: "Held (no trade)", variant: "secondary", Icon: PauseCircle },
  skipped: { label: "Skipped", variant: "secondary", Icon: CircleDashed },
  failed: { label: "Failed", variant: "warning", Icon: CircleX },
  running: { label: "Running", variant: "outline", Icon: Loader },
} as const;

/** An evaluation's outcome in words and an icon; a block is as prominent as a trade. */
export function OutcomeBadge({ outcome, large = false }: { outcome: Outcome; large?: boolean }) {
  const look = LOOK[outcome];
  return (
    <Badge variant={look.variant} className={large ? "px-3 py-1 text-sm" : undefined}>
      <look.Icon aria-hidden="true" className={large ? "size-4" : "size-3"} />
      {look.label}
    </Badge>
  );
}

/** The timeline filter a trader thinks in, mapped to the outcomes it covers. */
export const OUTCOME_FILTERS = {
  all: null,
  traded: ["filled"],
  skipped: ["hold", "skipped"],
  blocked: ["denied"],
  failed: ["failed"],
} as const satisfies Record<string, readonly Outcome[] | null>;

export type OutcomeFilter = keyof typeof OUTCOME_FILTERS;

export function matchesFilter(outcome: Outcome, filter: OutcomeFilter): boolean {
  const allowed: readonly Outcome[] | null = OUTCOME_FILTERS[filter];
  return allowed === null || allowed.includes(outcome);
}
