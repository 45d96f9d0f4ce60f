import { describe, expect, it } from "vitest";
import { FaultBoard, faultError } from "./faults.ts";

describe("FaultBoard", () => {
  it.each([
    ["a path string", { path: "/order" }, "POST", "/order", "status"],
    ["a path regex", { path: /^\/data\// }, "GET", "/data/trades", "status"],
    ["another method", { method: "DELETE" }, "POST", "/order", undefined],
    ["another path", { path: "/book" }, "GET", "/books", undefined],
  ])(
    "when a fault matches by %s then take() returns it only for matching requests",
    (_name, match, method, path, kind) => {
      const board = new FaultBoard();
      board.add({ kind: "status", status: 500, match });
      expect(board.take(method, path)?.kind).toBe(kind);
    },
  );

  it("when a fault has times=2 then the third matching request is clean", () => {
    const board = new FaultBoard();
    board.add({ kind: "delay", ms: 10, times: 2 });
    expect(
      [board.take("GET", "/a"), board.take("GET", "/a"), board.take("GET", "/a")].map((f) => f?.kind),
    ).toEqual(["delay", "delay", undefined]);
  });

  it("when cleared then no fault remains", () => {
    const board = new FaultBoard();
    board.add({ kind: "hang" });
    board.clear();
    expect(board.take("GET", "/")).toBeUndefined();
  });
});

describe("faultError", () => {
  it.each([
    [429, 7, { code: "TOO_MANY_REQUESTS", retry_after_seconds: 7 }, { "Retry-After": "7" }],
    [503, undefined, {}, {}],
    [500, undefined, {}, {}],
  ])(
    "when the status is %s then extra fields and headers are right",
    (status, retryAfterSeconds, extra, headers) => {
      const error = faultError({ kind: "status", status, retryAfterSeconds });
      expect([error.status, error.extra, error.headers]).toEqual([status, extra, headers]);
    },
  );
});
