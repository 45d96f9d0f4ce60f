import { formatUsd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "../stand-in/stand-in-server.ts";
import { recordedCatalog, recordedModelList } from "../testing/catalog-fixture.ts";
import { fakeClock } from "../testing/fake-ports.ts";
import { toCatalogEntry } from "./catalog-entry.ts";
import { fetchModelList } from "./fetch-model-list.ts";
import { ModelCatalog } from "./model-catalog.ts";

describe("toCatalogEntry", () => {
  it.each([
    ["anthropic/claude-3.5-sonnet", "3", "15"],
    ["openai/gpt-4o-mini", "0.15", "0.6"],
    ["google/gemini-2.0-flash-001", "0.1", "0.4"],
  ])(
    "when %s is read then its price per million tokens is exactly %s in and %s out",
    async (id, input, output) => {
      const entry = await recordedCatalog().find(id);
      expect(
        entry?.pricing && [
          formatUsd(entry.pricing.promptPerMillion),
          formatUsd(entry.pricing.completionPerMillion),
        ],
      ).toEqual([input, output]);
    },
  );

  it.each([
    [
      "a router priced -1",
      { id: "openrouter/auto", name: "Auto", pricing: { prompt: "-1", completion: "-1" } },
      null,
    ],
    [
      "a price with an exponent",
      { id: "x/y", name: "Y", pricing: { prompt: "3e-6", completion: "0" } },
      3_000_000n,
    ],
  ])("when %s is read then the prompt price is %s", (_name, raw, prompt) => {
    expect(toCatalogEntry(raw)?.pricing?.promptPerMillion ?? null).toBe(prompt);
  });

  it.each([
    [{ id: "no-pricing", name: "x" }],
    [{ id: "x", name: "x", pricing: { prompt: "free", completion: "0" } }],
    [42],
  ])("when an entry is malformed (%j) then it is skipped", (raw) => {
    expect(toCatalogEntry(raw)).toBeNull();
  });
});

describe("ModelCatalog", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn({ modelsJson: recordedModelList });
  });
  afterAll(() => standIn.close());

  it("when loaded over HTTP from the stand-in then every priced model is listed", async () => {
    const catalog = new ModelCatalog({
      load: () => fetchModelList({ baseURL: standIn.baseURL }),
      clock: fakeClock(),
    });
    expect((await catalog.list()).map((e) => e.id)).toEqual(recordedModelList.data.map((m) => m.id));
  });

  it.each([
    ["the cache is fresh", 1_000, false, 1],
    ["the cache is stale", 3_600_000, false, 2],
    ["the cache is stale and the refresh fails", 3_600_000, true, 2],
  ])("when %s then loads are %i and the list is still served", async (_name, elapsed, failRefresh, loads) => {
    const clock = fakeClock();
    let calls = 0;
    const catalog = new ModelCatalog({
      clock,
      load: async () => {
        calls++;
        if (calls > 1 && failRefresh) throw new Error("offline");
        return recordedModelList.data;
      },
    });
    await catalog.list();
    clock.advance(elapsed);
    expect((await catalog.find("openai/gpt-4o"))?.id).toBe("openai/gpt-4o");
    expect(calls).toBe(loads);
  });

  it("when the first load fails then the error reaches the caller", async () => {
    const catalog = new ModelCatalog({
      clock: fakeClock(),
      load: () => fetchModelList({ baseURL: `${standIn.baseURL}/nope` }),
    });
    await expect(catalog.list()).rejects.toThrow(/HTTP 404/);
  });
});
