import { Button } from "@open-trade/ui/button";
import { Skeleton } from "@open-trade/ui/skeleton";
import { AlertTriangle, Inbox } from "lucide-react";
import type { ReactNode } from "react";

const PLACEHOLDER_KEYS = ["a", "b", "c", "d", "e", "f", "g", "h"];

/** Placeholder rows while data loads; announced once to screen readers. */
export function Loading({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-2">
      <span className="sr-only">Loading {label}…</span>
      {PLACEHOLDER_KEYS.slice(0, rows).map((key) => (
        <Skeleton key={key} className="h-8 w-full" />
      ))}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed p-8 text-center">
      <Inbox aria-hidden="true" className="size-6 text-muted-foreground" />
      <p className="font-medium">{title}</p>
      {children ? <div className="text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}

/** What went wrong, in the API's words, and a way to try again. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return (
    <div role="alert" className="flex flex-col items-start gap-2 rounded-lg border border-destructive/50 p-4">
      <p className="flex items-center gap-2 font-medium text-destructive">
        <AlertTriangle aria-hidden="true" className="size-4" /> Could not load this
      </p>
      <p className="text-sm">{message}</p>
      {retry ? (
        <Button variant="outline" size="sm" onClick={retry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
