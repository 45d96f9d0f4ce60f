import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { meteredCall } from "./cost/metered-call.ts";
import { createLlm } from "./create-llm.ts";
import { readLlmEnv } from "./env.ts";
import { answer, type StandIn, startStandIn } from "./stand-in/stand-in-server.ts";
import { recordedModelList } from "./testing/catalog-fixture.ts";
import { fakeClock, fixedRandom } from "./testing/fake-ports.ts";
import { testMeter } from "./testing/stand-in-deps.ts";

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ modelsJson: recordedModelList });
});
afterAll(() => standIn.close());

describe("createLlm", () => {
  it.each([
    ["no API key is configured", {}, false],
    ["an API key is configured", { OPENROUTER_API_KEY: "sk-or-test" }, true],
  ])("when %s then a model path exists: %s", async (_name, extra, hasModel) => {
    const env = readLlmEnv({ OPENROUTER_BASE_URL: standIn.baseURL, ...extra });
    const llm = createLlm(env, { clock: fakeClock(), random: fixedRandom(0) });
    expect(llm.model !== null).toBe(hasModel);
    expect((await llm.catalog.find("openai/gpt-4o-mini"))?.pricing?.promptPerMillion).toBe(150_000n);
  });

  it("when wired from the environment then a metered call reaches the configured base URL with the key", async () => {
    const env = readLlmEnv({ OPENROUTER_BASE_URL: standIn.baseURL, OPENROUTER_API_KEY: "sk-or-test" });
    const { model } = createLlm(env, { clock: fakeClock(), random: fixedRandom(0) });
    if (!model) throw new Error("expected a model path");
    standIn.script("openai/gpt-4o-mini", answer({ ok: true }));
    const request = {
      modelId: "openai/gpt-4o-mini",
      system: "s",
      prompt: "p",
      schema: z.object({ ok: z.boolean() }),
      maxOutputTokens: 10,
    };
    const outcome = await meteredCall(model, testMeter(), "decide", request);
    expect(outcome.ok).toBe(true);
    expect(standIn.requests.at(-1)?.authorization).toBe("Bearer sk-or-test");
  });

  it.each([["not a url"], ["ftp://example.com"]])(
    "when the base URL is %j then configuration fails without echoing secrets",
    (url) => {
      expect(() => readLlmEnv({ OPENROUTER_BASE_URL: url, OPENROUTER_API_KEY: "sk-or-secret" })).toThrow(
        /OPENROUTER_BASE_URL/,
      );
      try {
        readLlmEnv({ OPENROUTER_BASE_URL: url, OPENROUTER_API_KEY: "sk-or-secret" });
      } catch (error) {
        expect(String(error)).not.toContain("sk-or-secret");
      }
    },
  );
});

it("when the API key is blank then the error names the key and how to fix it", () => {
  expect(() => readLlmEnv({ OPENROUTER_API_KEY: "   " })).toThrow(/OPENROUTER_API_KEY is set but empty/);
});
