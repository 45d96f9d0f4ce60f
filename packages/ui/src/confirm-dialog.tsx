import { AlertDialog } from "radix-ui";
import { type ReactNode, useId, useState } from "react";
import { Button } from "./button.tsx";
import { Input } from "./input.tsx";

export interface ConfirmDialogProps {
  /** The control that opens the dialog (a button). */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** When set, the confirm button stays disabled until the user types exactly this. */
  typedConfirmation?: string;
  destructive?: boolean;
  onConfirm: () => void;
}

/** Asks before a destructive or costly action; optionally makes the user type a word to go ahead. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const blocked = props.typedConfirmation !== undefined && typed !== props.typedConfirmation;
  return (
    <AlertDialog.Root onOpenChange={() => setTyped("")}>
      <AlertDialog.Trigger asChild>{props.trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border bg-background p-6 shadow-lg">
          <AlertDialog.Title className="text-lg font-semibold">{props.title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">
            {props.description}
          </AlertDialog.Description>
          {props.typedConfirmation !== undefined ? (
            <div className="grid gap-1.5 text-sm">
              <label htmlFor={inputId}>
                Type <strong className="font-mono">{props.typedConfirmation}</strong> to confirm
              </label>
              <Input
                id={inputId}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
              />
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="outline">Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button
                variant={props.destructive ? "destructive" : "default"}
                disabled={blocked}
                onClick={props.onConfirm}
              >
                {props.confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
