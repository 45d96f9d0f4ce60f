import { type ReactElement, type ReactNode, useId } from "react";
import { cn } from "./cn.ts";
import { Label } from "./label.tsx";

export interface FieldProps {
  label: ReactNode;
  /** What the value means and its bounds, always visible. */
  help?: ReactNode;
  /** Every problem with the current value; each is announced with the control. */
  errors?: readonly string[];
  className?: string;
  /** Receives the ids to wire into the control so it is labelled and described. */
  children: (ids: { id: string; "aria-describedby": string; "aria-invalid": boolean }) => ReactElement;
}

/** A labelled control with its help text and errors, wired for screen readers. */
export function Field({ label, help, errors = [], className, children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : "", errors.length ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": errors.length > 0 })}
      {help ? (
        <p id={helpId} className="text-xs text-muted-foreground">
          {help}
        </p>
      ) : null}
      {errors.length ? (
        <ul id={errorId} className="text-xs font-medium text-destructive">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
