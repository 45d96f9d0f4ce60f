import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerWorld, type OwnerWorld } from "./testing/owner-world.ts";
import { PROCEDURES } from "./testing/procedure-inputs.ts";
import { PLANTED, startTestApi, type TestApi } from "./testing/test-api.ts";

let t: TestApi;
let w: OwnerWorld;
beforeAll(async () => {
  t = await startTestApi();
  w = await createOwnerWorld(t);
});
afterAll(async () => {
  await t?.close();
});

// Sign-in procedures are fuzzed too, but their rate limits would turn later cases into 429s: skip them here
// (local-auth.test.ts covers their bad inputs), and subscriptions are fuzzed by their input schema below.
const fuzzed = Object.entries(PROCEDURES).filter(
  ([path, spec]) => spec.kind !== "subscription" && !path.startsWith("auth."),
);

/** Anything JSON can carry, plus near-misses of the valid input: each field replaced by a hostile value. */
function inputs(valid: unknown): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.constantFrom(
      "NaN",
      "Infinity",
      "-1",
      "1e309",
      "0.0000001",
      "' or 1=1 --",
      "\u0000",
      "𝔘",
      "9".repeat(400),
      "",
    ),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.string({ maxLength: 30 }),
  );
  const nearMiss =
    valid && typeof valid === "object"
      ? fc
          .record({ key: fc.constantFrom(...Object.keys(valid), "unexpected"), value: hostile })
          .map(({ key, value }) => ({ ...(valid as object), [key]: value }))
      : hostile;
  return fc.oneof(fc.jsonValue({ maxDepth: 2 }), nearMiss);
}

describe("fuzzed inputs over HTTP", () => {
  it.each(fuzzed)(
    "when %s gets any input then it never answers 5xx, and a rejected input names its fields",
    async (path, spec) => {
      await fc.assert(
        fc.asyncProperty(inputs(spec.input(w)), async (input) => {
          const res = await t.call(
            path,
            input,
            w.owner.accessToken,
            spec.kind === "mutation" ? "mutation" : "query",
          );
          expect(res.status, JSON.stringify({ input, body: res.body })).toBeLessThan(500);
          if (res.status === 400) {
            expect(res.body.error?.message.length).toBeGreaterThan(0);
            expect(res.body.error?.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
          }
        }),
        { numRuns: 25 },
      );
    },
  );

  it("when a field is wrong then the answer says which field, per field", async () => {
    const res = await t.call(
      "bots.update",
      { botId: w.botId, settings: { maxDailyLossUsd: "-5", maxTradesPerDay: 2.5, name: "" } },
      w.owner.accessToken,
      "mutation",
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.data.fieldErrors ?? {}).sort()).toEqual([
      "settings.maxDailyLossUsd",
      "settings.maxTradesPerDay",
      "settings.name",
    ]);
  });

  it("when a subscription gets a malformed last event id then it answers 400, not a stream", async () => {
    const res = await fetch(
      `${t.url}/trpc/live.trades?input=${encodeURIComponent(JSON.stringify({ lastEventId: 5 }))}`,
      {
        headers: { accept: "text/event-stream", authorization: `Bearer ${w.owner.accessToken}` },
      },
    );
    const text = await res.text();
    expect(text).toMatch(/BAD_REQUEST/);
    expect(text).not.toContain(PLANTED.modelKey);
  });
});
