import { describe, expect, it } from "vitest";
import { mergeRow } from "./upsert-evaluation.ts";

const row = (id: string, startedAt: string) => ({ id, botId: "b1", startedAt, outcome: "running" });

describe("mergeRow", () => {
  const page = {
    items: [row("e2", "2026-12-03T10:02:00Z"), row("e1", "2026-12-03T10:01:00Z")],
    nextCursor: null,
  };

  it("when a new evaluation arrives then it goes on top of the first page", () => {
    expect(mergeRow(page, row("e3", "2026-12-03T10:03:00Z"))?.items.map((r) => r.id)).toEqual([
      "e3",
      "e2",
      "e1",
    ]);
  });

  it("when a running evaluation finishes then its row is replaced in place", () => {
    const done = { ...row("e2", "2026-12-03T10:02:00Z"), outcome: "denied" };
    const merged = mergeRow(page, done);
    expect(merged?.items.map((r) => [r.id, r.outcome])).toEqual([
      ["e2", "denied"],
      ["e1", "running"],
    ]);
  });

  it("when the event is older than the page then the page is unchanged", () => {
    expect(mergeRow(page, row("old", "2026-12-03T09:00:00Z"))).toBe(page);
  });
});

describe("upsertEvaluation", () => {
  it("when a bot's event arrives then only that bot's cached timelines change", async () => {
    const { QueryClient } = await import("@tanstack/react-query");
    const { upsertEvaluation } = await import("./upsert-evaluation.ts");
    const client = new QueryClient();
    const key = (botId: string) => [["evaluations", "list"], { input: { botId }, type: "query" }];
    client.setQueryData(key("b1"), { items: [], nextCursor: null });
    client.setQueryData(key("b2"), { items: [], nextCursor: null });
    upsertEvaluation(client, [["evaluations", "list"]], row("e9", "2026-12-03T11:00:00Z"));
    expect(client.getQueryData<{ items: unknown[] }>(key("b1"))?.items).toHaveLength(1);
    expect(client.getQueryData<{ items: unknown[] }>(key("b2"))?.items).toHaveLength(0);
  });
});

describe("upsertEvaluation on a paged timeline", () => {
  it("when the timeline was loaded page by page then the new row joins the newest page", async () => {
    const { QueryClient } = await import("@tanstack/react-query");
    const { upsertEvaluation } = await import("./upsert-evaluation.ts");
    const client = new QueryClient();
    const key = [["evaluations", "list"], { input: { botId: "b1", limit: 50 }, type: "infinite" }];
    client.setQueryData(key, { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
    upsertEvaluation(client, [["evaluations", "list"]], row("e1", "2026-12-03T11:00:00Z"));
    const data = client.getQueryData<{ pages: { items: { id: string }[] }[] }>(key);
    expect(data?.pages[0]?.items.map((r) => r.id)).toEqual(["e1"]);
  });
});
