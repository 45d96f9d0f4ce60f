import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
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

/** Opens an SSE subscription, reads its first chunk (or the error answer) and closes it. */
async function subscribeOnce(path: string, input: unknown, token?: string) {
  const controller = new AbortController();
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${t.url}/trpc/${path}${query}`, {
    headers: { accept: "text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: controller.signal,
  });
  const reader = res.body?.getReader();
  const first = reader ? await reader.read() : { value: undefined };
  controller.abort();
  const text = new TextDecoder().decode(first.value ?? new Uint8Array());
  t.captured.push(text);
  return { status: res.status, text };
}

async function callAs(path: string, token: string | undefined) {
  const spec = PROCEDURES[path];
  if (!spec) throw new Error(`no case for ${path}`);
  if (spec.kind === "subscription") {
    const { status, text } = await subscribeOnce(path, spec.input(w), token);
    // An SSE subscription refused by auth answers 401 or streams one error event naming UNAUTHORIZED.
    return { status: status === 200 && /UNAUTHORIZED/.test(text) ? 401 : status, text };
  }
  const res = await t.call(path, spec.input(w), token, spec.kind);
  return { status: res.status, text: JSON.stringify(res.body) };
}

const procedurePaths = Object.keys(PROCEDURES);
const guarded = procedurePaths.filter((p) => PROCEDURES[p]?.scope !== "public");
const botScoped = procedurePaths.filter((p) => PROCEDURES[p]?.scope === "bot");
const userScoped = procedurePaths.filter((p) => PROCEDURES[p]?.scope === "user");

describe("every procedure × every actor, over HTTP", () => {
  it("when a procedure is added to the router then it is in this matrix too", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual([...procedurePaths].sort());
  });

  it.each(guarded)("when anonymous calls %s then it answers 401", async (path) => {
    expect((await callAs(path, undefined)).status).toBe(401);
  });

  it.each(guarded)(
    "when %s is called with an expired, forged, wrong-issuer, garbage or deleted account's token then 401",
    async (path) => {
      for (const [name, token] of Object.entries(w.badTokens)) {
        const { status } = await callAs(path, token);
        expect({ name, status }).toEqual({ name, status: 401 });
      }
    },
  );

  it.each(botScoped)("when another user calls %s with the owner's bot then it answers 404", async (path) => {
    const { status, text } = await callAs(path, w.stranger.accessToken);
    expect(status).toBe(404);
    expect(text).not.toContain("owner-only reasoning");
  });

  it.each(userScoped)("when another user calls %s then nothing of the owner's comes back", async (path) => {
    const { status, text } = await callAs(path, w.stranger.accessToken);
    expect(status).toBeLessThan(500);
    for (const secret of [
      w.botId,
      w.spareBotId,
      w.tradeId,
      w.evaluationId,
      w.owner.userId,
      "owner-only reasoning",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("when the owner calls every procedure then none fails as unauthorised, missing or internal", async () => {
    const outcomes: Record<string, number> = {};
    for (const path of procedurePaths) outcomes[path] = (await callAs(path, w.owner.accessToken)).status;
    const broken = Object.entries(outcomes).filter(([path, status]) => {
      if (PROCEDURES[path]?.scope === "public") return status >= 500;
      return status === 401 || status === 404 || status >= 500;
    });
    expect(broken).toEqual([]);
    // Spot checks of what the owner got: the bot's own rows, and refusals with reasons where they belong.
    expect(outcomes["bots.byId"]).toBe(200);
    expect(outcomes["trades.list"]).toBe(200);
    expect(outcomes["bots.goLive"]).toBe(412);
  });

  it("when everything above ran then no response or log line carried a planted secret", () => {
    const everything = t.captured.join("\n");
    expect(everything.length).toBeGreaterThan(1000);
    for (const [name, secret] of Object.entries(PLANTED)) {
      expect({ name, found: everything.includes(secret) }).toEqual({ name, found: false });
    }
    expect(everything).not.toMatch(/otc[12]\.[A-Za-z0-9_-]+\./);
    expect(everything).not.toMatch(/\bat [\w.<>]+ \(.*:\d+:\d+\)/);
  });
});
