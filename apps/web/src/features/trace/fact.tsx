import type { ReactNode } from "react";

/** One labelled fact in a trace section's definition list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-all tabular-nums">{children}</dd>
    </div>
  );
}
