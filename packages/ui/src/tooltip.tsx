import { Tooltip as TooltipPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export const TooltipProvider = TooltipPrimitive.Provider;

export interface TooltipProps {
  /** What the control does, in full; shown on hover and keyboard focus. */
  content: ReactNode;
  children: ReactNode;
  className?: string;
}

/** Wraps one focusable child; the tooltip also opens on keyboard focus. */
export function Tooltip({ content, children, className }: TooltipProps) {
  return (
    <TooltipPrimitive.Root delayDuration={200}>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          sideOffset={6}
          className={cn(
            "z-50 max-w-xs rounded-md border bg-popover px-3 py-1.5 text-xs text-popover-foreground shadow-md",
            className,
          )}
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
