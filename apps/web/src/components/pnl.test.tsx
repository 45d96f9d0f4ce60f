import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Pnl } from "./pnl.tsx";

describe("Pnl", () => {
  it.each([
    ["12.5", "+$12.50", "gain", "text-gain"],
    ["-3.004", "-$3.00", "loss", "text-loss"],
    ["0.001", "$0.00", "no change", "text-muted-foreground"],
  ])("when PnL is %s then it reads %s and says %s in words", (value, shown, word, colour) => {
    const { container } = render(<Pnl value={value} />);
    const root = container.firstElementChild as HTMLElement;
    expect(root.textContent).toBe(`${shown} (${word})`);
    expect(root.className).toContain(colour);
    expect(root.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
  });
});
