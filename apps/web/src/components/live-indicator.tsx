import { cn } from "@open-trade/ui/cn";

export type LiveState = "connecting" | "live" | "reconnecting";

const TEXT: Record<LiveState, string> = {
  connecting: "Connecting",
  live: "Live",
  reconnecting: "Reconnecting…",
};

/** The state of the live event stream, in words and a dot; changes are announced politely. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <span
      role="status"
      aria-live="polite"
      data-live-state={state}
      className="inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium"
    >
      <span
        aria-hidden="true"
        className={cn("size-2 rounded-full", state === "live" ? "bg-gain" : "animate-pulse bg-warning")}
      />
      {TEXT[state]}
    </span>
  );
}
