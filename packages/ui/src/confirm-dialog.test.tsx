import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Button } from "./button.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";

describe("ConfirmDialog", () => {
  it("when a typed confirmation is required then the action stays disabled until the exact text is typed", async () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog
        trigger={<Button>Go live</Button>}
        title="Trade with real money?"
        description="Real orders."
        confirmLabel="Go live now"
        typedConfirmation="Fed watcher"
        destructive
        onConfirm={onConfirm}
      />,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Go live" })));
    const confirm = screen.getByRole("button", { name: "Go live now" }) as HTMLButtonElement;
    const input = screen.getByLabelText(/to confirm/);
    expect(confirm.disabled).toBe(true);
    await act(async () => fireEvent.change(input, { target: { value: "fed watcher" } }));
    expect(confirm.disabled).toBe(true);
    await act(async () => fireEvent.change(input, { target: { value: "Fed watcher" } }));
    expect(confirm.disabled).toBe(false);
    await act(async () => fireEvent.click(confirm));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
