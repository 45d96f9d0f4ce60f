import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvaluation } from "./bot-board.ts";
import { formatEventLine } from "./format-event-line.ts";
import { renderBoard } from "./render-board.ts";
import { createTerminalView } from "./terminal-view.ts";
import { evaluationEvent } from "./view-fixtures.ts";

const AT = new Date("2026-11-25T12:34:56.000Z");

function fakeOut(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { writes, out: { isTTY, columns: () => columns, write: (t: string) => void writes.push(t) } };
}

describe("formatEventLine", () => {
  it.each<[string, Parameters<typeof evaluationEvent>[0], readonly string[]]>([
    [
      "a fill",
      {},
      ["12:34:56 Cheap favourites", "filled BUY 52.63 @ 0.19 (10 USD) in 0xabc", "pnl today -0.12 USD"],
    ],
    [
      "a denial",
      { outcome: "denied", fill: undefined, denialCodes: ["SLIPPAGE_EXCEEDED"] },
      ["denied [SLIPPAGE_EXCEEDED]"],
    ],
    ["a gain", { outcome: "hold", fill: undefined, pnlTodayUsd: "3.5" }, ["hold |", "pnl today +3.5 USD"]],
    [
      "a waiting model bot",
      { outcome: "skipped", fill: undefined, reason: "waiting for OPENROUTER_API_KEY\nset it to run" },
      ["skipped", "waiting for OPENROUTER_API_KEY set it to run"],
    ],
  ])("when the event is %s then the line shows it", (_name, overrides, parts) => {
    const line = formatEventLine(evaluationEvent(overrides), AT);
    for (const part of parts) expect(line).toContain(part);
    expect(line).not.toContain("\n");
  });
});

describe("renderBoard", () => {
  it("when any rows and width are drawn then no line is wider than the terminal", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 40, max: 200 }), (name, reason, width) => {
        const row = applyEvaluation(undefined, evaluationEvent({ botName: name, reason }), AT);
        const lines = renderBoard([row], { marketData: "SIMULATED", notices: [reason], now: AT }, width);
        expect(lines.every((l) => l.length <= width && !l.includes("\n"))).toBe(true);
      }),
    );
  });

  it("when bots have traded then the summary line totals them exactly", () => {
    const rows = [
      applyEvaluation(undefined, evaluationEvent({ botId: "a", pnlTodayUsd: "0.1" }), AT),
      applyEvaluation(undefined, evaluationEvent({ botId: "b", pnlTodayUsd: "0.2", fill: undefined }), AT),
    ];
    const lines = renderBoard(rows, { marketData: "SIMULATED", notices: [], now: AT }, 120);
    const header = lines.find((l) => l.startsWith("BOT")) ?? "";
    const row = lines.find((l) => l.startsWith("Cheap favourites")) ?? "";
    // Columns line up: each value starts where its heading does.
    expect([row.indexOf("paper"), row.indexOf("+0.1")]).toEqual([
      header.indexOf("MODE"),
      header.indexOf("PNL TODAY") + "PNL TODAY".length - "+0.1".length,
    ]);
    expect(lines.at(-1)).toBe("2 bots · 2 evaluations · 1 fills since start · PnL today +0.3 USD");
    expect(lines[0]).toContain("market data: SIMULATED");
  });
});

describe("createTerminalView", () => {
  it("when there is no TTY then each evaluation is one line and nothing is redrawn", () => {
    const { writes, out } = fakeOut(false);
    const view = createTerminalView({ out, marketData: "SIMULATED", notices: ["no key"], now: () => AT });
    view.addBots([{ botId: "bot-1", botName: "Cheap favourites", mode: "paper", status: "paper" }]);
    view.start();
    view.onEvaluation(evaluationEvent());
    view.onEvaluation(evaluationEvent({ outcome: "hold", fill: undefined }));
    view.stop();
    expect(writes.join("")).not.toContain("\x1b[");
    expect(writes.join("").trimEnd().split("\n")).toEqual([
      "Open Trade runner · market data: SIMULATED",
      "! no key",
      "- Cheap favourites (paper): waiting not evaluated yet",
      expect.stringContaining("filled BUY"),
      expect.stringContaining("hold"),
    ]);
  });

  it("when on a TTY then each redraw moves up over exactly the previous board", () => {
    const { writes, out } = fakeOut(true);
    const view = createTerminalView({ out, marketData: "SIMULATED", now: () => AT, refreshMs: 60_000 });
    view.addBots([{ botId: "bot-1", botName: "Cheap favourites", mode: "paper", status: "paper" }]);
    view.start();
    view.onEvaluation(evaluationEvent());
    view.stop();
    const previousLines = (w: string | undefined) => (w ?? "").split("\n").length - 1;
    for (let i = 1; i < writes.length; i += 1) {
      expect(writes[i]?.startsWith(`\x1b[${previousLines(writes[i - 1])}F\x1b[J`)).toBe(true);
    }
    expect(writes.at(-1)).toContain("Cheap favourites");
    expect(view.rows().map((r) => [r.evaluations, r.fills])).toEqual([[1, 1]]);
  });
});

/** Control characters (but the newlines between board lines), C1 controls and the bidi override used below. */
const controls = (text: string) =>
  [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && c !== "\n") || (code >= 0x7f && code <= 0x9f) || c === "\u202e";
  });

describe("text a user or a model wrote", () => {
  const forged = "Honest bot\x1b[2K\r12:00:00 Rich bot (live, ACTIVE) | filled BUY 1000 @ 0.01\u202e";
  it("when a bot name carries escape sequences then the plain line cannot forge another line", () => {
    const line = formatEventLine(evaluationEvent({ botName: forged, reason: "ok\rsecond\x07" }), AT);
    expect(controls(line)).toEqual([]);
    expect(line.startsWith("12:34:56 Honest bot [2K 12:00:00 Rich bot")).toBe(true);
  });

  it("when a bot name carries escape sequences then the board shows none of them", () => {
    const { out, writes } = fakeOut(true);
    const view = createTerminalView({ out, marketData: "stand-in", now: () => AT });
    view.onEvaluation(evaluationEvent({ botName: forged }));
    // Each redraw starts with the board's own cursor moves; nothing else may reach the terminal.
    expect(writes).toHaveLength(1);
    expect(controls(writes.join("").replace("\r\u001b[J", ""))).toEqual([]);
  });
});
