import { describe, expect, it } from "vitest";
import { chartPoints, fillMarkers } from "./fill-markers.ts";

const history = [
  { t: 1_000, price: "0.4" },
  { t: 2_000, price: "0.5" },
  { t: 3_000, price: "0.6" },
];
const fill = (id: string, seconds: number, tokenId = "yes") => ({
  id,
  tokenId,
  side: "buy" as const,
  size: "1",
  price: "0.5",
  createdAt: new Date(seconds * 1000).toISOString(),
});

describe("fillMarkers", () => {
  it.each([
    ["between two points", 2_500, 2_000],
    ["exactly on a point", 3_000, 3_000],
    ["after the last point", 9_000, 3_000],
    ["before the first point", 10, 1_000],
  ])("when a fill is %s then its marker sits on the point at or before it", (_n, at, expected) => {
    expect(fillMarkers(history, [fill("f", at)], "yes")).toEqual([{ id: "f", time: expected, side: "buy" }]);
  });

  it("when fills belong to another outcome or there is no history then they get no marker", () => {
    expect(fillMarkers(history, [fill("f", 2_500, "no")], "yes")).toEqual([]);
    expect(fillMarkers([], [fill("f", 2_500)], "yes")).toEqual([]);
  });

  it("when fills arrive newest first then markers come out in time order", () => {
    const markers = fillMarkers(history, [fill("late", 3_100), fill("early", 1_100)], "yes");
    expect(markers.map((m) => m.id)).toEqual(["early", "late"]);
  });
});

describe("chartPoints", () => {
  it("when history repeats a second or is out of order then each second appears once, in order", () => {
    const points = chartPoints(
      [history[2], history[0], { t: 1_000, price: "0.41" }].filter((p) => p !== undefined),
    );
    expect(points).toEqual([
      { t: 1_000, price: "0.41" },
      { t: 3_000, price: "0.6" },
    ]);
  });
});
