import { describe, expect, it } from "vitest";
import { readLlmEnv } from "./env.ts";

const errorOf = (source: NodeJS.ProcessEnv) => {
  try {
    readLlmEnv(source);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

describe("readLlmEnv", () => {
  it.each([
    ["https://openrouter.ai/api/v1"],
    ["http://127.0.0.1:4010/api/v1"],
    ["http://localhost:4010/api/v1"],
  ])("when OPENROUTER_BASE_URL is %s then it is used", (url) => {
    expect(readLlmEnv({ OPENROUTER_BASE_URL: url }).baseURL).toBe(url);
  });

  it.each([
    ["plain http to another host", "http://openrouter.example.com/api/v1"],
    ["a password inside the URL", "https://user:hunter2@openrouter.ai/api/v1"],
    ["not a URL", "openrouter.ai"],
  ])("when the base URL is %s then it is refused, naming the variable and never echoing it", (_what, url) => {
    const message = errorOf({ OPENROUTER_BASE_URL: url });
    expect(message).toContain("OPENROUTER_BASE_URL must be an https URL");
    expect(message).not.toContain("hunter2");
  });
});
