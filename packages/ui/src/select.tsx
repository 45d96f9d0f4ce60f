import type { ComponentProps } from "react";
import { cn } from "./cn.ts";
import { fieldClass } from "./input.tsx";

/** A styled native <select>: the platform's own keyboard and screen-reader behaviour, on every device. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldClass, "h-9 pr-8", className)} {...props} />;
}
