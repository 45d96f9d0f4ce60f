import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOpenRouterGateway } from "../provider/openrouter-gateway.ts";
import { answer, type ScriptedAnswer, type StandIn, startStandIn } from "../stand-in/stand-in-server.ts";
import { fakeClock, fixedRandom } from "../testing/fake-ports.ts";
import { type AttemptOutcome, callModel } from "./call-model.ts";
import { CircuitBreakers } from "./circuit-breaker.ts";

const schema = z.object({ ok: z.boolean() });
const request = {
  modelId: "primary/model",
  system: "Answer in JSON.",
  prompt: "Say ok.",
  schema,
  maxOutputTokens: 50,
};
const ok = answer({ ok: true });

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn();
});
afterEach(() => standIn.close());

function deps(breakers = new CircuitBreakers({ failureThreshold: 5, cooldownMs: 60_000 })) {
  const clock = fakeClock();
  const gateway = createOpenRouterGateway({ baseURL: standIn.baseURL, apiKey: "sk-test-not-a-secret" });
  return { gateway, clock, random: fixedRandom(0.5), breakers };
}

const codes = (attempts: readonly { modelId: string; outcome: AttemptOutcome }[]) =>
  attempts.map((a) => `${a.modelId}:${a.outcome.code}`);

describe("callModel through the real OpenRouter provider", () => {
  it.each<[string, ScriptedAnswer[], ScriptedAnswer[], boolean, string[], number[]]>([
    ["the first answer is good", [ok], [], true, ["primary/model:OK"], []],
    [
      "a 429 with retry-after 1s comes first",
      [{ kind: "status", status: 429, retryAfterSeconds: 1 }, ok],
      [],
      true,
      ["primary/model:RATE_LIMITED", "primary/model:OK"],
      [1_062],
    ],
    [
      "two 500s come first",
      [{ kind: "status", status: 500 }, { kind: "status", status: 503 }, ok],
      [],
      true,
      ["primary/model:SERVER_ERROR", "primary/model:SERVER_ERROR", "primary/model:OK"],
      [250, 500],
    ],
    [
      "the primary keeps failing and a fallback answers",
      [
        { kind: "status", status: 500 },
        { kind: "status", status: 500 },
        { kind: "status", status: 500 },
      ],
      [ok],
      true,
      [
        "primary/model:SERVER_ERROR",
        "primary/model:SERVER_ERROR",
        "primary/model:SERVER_ERROR",
        "fallback/model:OK",
      ],
      [250, 500],
    ],
    [
      "the key is rejected",
      [{ kind: "status", status: 401 }],
      [{ kind: "status", status: 401 }],
      false,
      ["primary/model:REJECTED", "fallback/model:REJECTED"],
      [],
    ],
    [
      "the answer is slower than the timeout",
      [{ kind: "slow", delayMs: 2_000, after: ok }],
      [{ kind: "slow", delayMs: 2_000, after: ok }],
      false,
      ["primary/model:TIMEOUT", "fallback/model:TIMEOUT"],
      [],
    ],
  ])(
    "when %s then the outcome and attempts match the script",
    async (_name, primary, fallback, okExpected, attempts, sleeps) => {
      standIn.script("primary/model", ...primary);
      standIn.script("fallback/model", ...fallback);
      const d = deps();
      const slow = primary.some((a) => a.kind === "slow");
      const outcome = await callModel(d, request, {
        fallbackModelIds: ["fallback/model"],
        // Only the slow script needs a short timeout; a loaded machine must not time out the others.
        timeoutMs: slow ? 300 : 15_000,
        retry: {
          maxAttempts: slow ? 1 : 3,
          baseDelayMs: 500,
          maxDelayMs: 8_000,
        },
      });
      expect(outcome.ok).toBe(okExpected);
      if (!outcome.ok) expect(outcome.code).toBe("MODEL_UNAVAILABLE");
      expect(codes(outcome.attempts)).toEqual(attempts);
      expect(d.clock.sleeps).toEqual(sleeps);
    },
  );

  it("when a call succeeds then tokens, exact reported cost and the bearer key reach the caller", async () => {
    standIn.script(
      "primary/model",
      answer({ ok: true }, { promptTokens: 1234, completionTokens: 56, costLiteral: "1.5e-7" }),
    );
    const outcome = await callModel(deps(), request);
    expect(outcome.ok && outcome.reply).toEqual({
      text: '{"ok":true}',
      inputTokens: 1234,
      outputTokens: 56,
      reportedCostLiteral: "1.5e-7",
    });
    expect(standIn.requests[0]?.authorization).toBe("Bearer sk-test-not-a-secret");
    expect(standIn.requests[0]?.body.response_format).toMatchObject({ type: "json_schema" });
  });

  it("when the model answers malformed JSON then the raw text comes back for repair", async () => {
    standIn.script("primary/model", answer("{ok: tru"));
    const outcome = await callModel(deps(), request);
    expect(outcome.ok && outcome.reply.text).toBe("{ok: tru");
  });

  it("when a model's circuit is open then it is skipped without a request", async () => {
    const breakers = new CircuitBreakers({ failureThreshold: 1, cooldownMs: 60_000 });
    standIn.script("primary/model", { kind: "status", status: 500 });
    standIn.script("fallback/model", ok, ok);
    const d = deps(breakers);
    const options = {
      fallbackModelIds: ["fallback/model"],
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    };
    await callModel(d, request, options);
    const second = await callModel(d, request, options);
    expect(codes(second.attempts)).toEqual(["primary/model:CIRCUIT_OPEN", "fallback/model:OK"]);
    expect(standIn.requests.map((r) => r.body.model)).toEqual([
      "primary/model",
      "fallback/model",
      "fallback/model",
    ]);
  });
});
