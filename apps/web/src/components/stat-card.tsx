import { Card } from "@open-trade/ui/card";
import { Tooltip } from "@open-trade/ui/tooltip";
import { Info } from "lucide-react";
import type { ReactNode } from "react";

export interface StatCardProps {
  label: string;
  /** How the number is computed, shown on hover and keyboard focus. */
  definition: string;
  value: ReactNode;
  /** A second line: the limit it is measured against, or a breakdown. */
  detail?: ReactNode;
  /** 0..100 when the stat is a share of a limit; drawn as a meter. */
  meter?: number | null;
}

export function StatCard({ label, definition, value, detail, meter }: StatCardProps) {
  return (
    <Card className="flex flex-col gap-1 p-4">
      <div className="flex items-center gap-1 text-xs font-medium text-muted-foreground">
        <span>{label}</span>
        <Tooltip content={definition}>
          <button type="button" aria-label={`What is ${label}?`} className="rounded-sm">
            <Info aria-hidden="true" className="size-3.5" />
          </button>
        </Tooltip>
      </div>
      <div className="text-xl font-semibold tabular-nums">{value}</div>
      {meter !== undefined && meter !== null ? (
        <meter
          aria-label={`${label} used`}
          min={0}
          max={100}
          low={0}
          high={80}
          optimum={0}
          value={meter}
          className="h-1.5 w-full"
        />
      ) : null}
      {detail ? <div className="text-xs text-muted-foreground tabular-nums">{detail}</div> : null}
    </Card>
  );
}
