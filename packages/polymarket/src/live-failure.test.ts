import { describe, expect, it } from "vitest";
import { type ClobReply, classifyClobFailure } from "./live-failure.ts";

const http = (status: number, error: string, retryAfterMs: number | null = null): ClobReply => ({
  kind: "http",
  status,
  error,
  retryAfterMs,
});

describe("classifyClobFailure", () => {
  it.each([
    [
      "a FOK kill",
      http(400, "order couldn't be fully filled. FOK orders are fully filled or killed."),
      true,
      "LIQUIDITY_KILL",
    ],
    [
      "a FAK kill",
      http(
        400,
        "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.",
      ),
      true,
      "LIQUIDITY_KILL",
    ],
    ["a 429", http(429, "Too Many Requests", 2_000), true, "RATE_LIMITED"],
    ["a bad HMAC", http(401, "Unauthorized/Invalid api key"), true, "AUTH"],
    ["a bad L1 header", http(401, "Invalid L1 Request headers"), false, "AUTH"],
    [
      "a foreign signer",
      http(400, "the order signer address has to be the address of the API KEY"),
      true,
      "AUTH",
    ],
    ["no funds", http(400, "not enough balance / allowance"), true, "INSUFFICIENT_BALANCE"],
    ["a resubmission", http(400, "order 0xabc is invalid. Duplicated."), true, "DUPLICATE"],
    [
      "a 503 'trading disabled' while placing (a gateway may answer it after the exchange acted)",
      http(503, "Trading is currently disabled. Check polymarket.com for updates"),
      true,
      "AMBIGUOUS",
    ],
    ["a bare 503 while placing", http(503, "Service Unavailable"), true, "AMBIGUOUS"],
    [
      "trading disabled while reading",
      http(503, "Trading is currently disabled. Check polymarket.com for updates"),
      false,
      "EXCHANGE_UNAVAILABLE",
    ],
    ["an engine restart", http(425, "Too Early"), true, "EXCHANGE_UNAVAILABLE"],
    ["a 500 while placing", http(500, "Internal server error"), true, "AMBIGUOUS"],
    ["a 500 while reading", http(500, "Internal server error"), false, "EXCHANGE_UNAVAILABLE"],
    ["a timeout while placing", { kind: "no-answer", detail: "timed out" } as const, true, "AMBIGUOUS"],
    [
      "a timeout while cancelling",
      { kind: "no-answer", detail: "timed out" } as const,
      false,
      "EXCHANGE_UNAVAILABLE",
    ],
    [
      "a refused connection while placing",
      { kind: "not-sent", detail: "ECONNREFUSED" } as const,
      true,
      "EXCHANGE_UNAVAILABLE",
    ],
    [
      "a tick violation",
      http(400, "order 0x1 is invalid. Price (0.123) breaks minimum tick size rule: 0.01"),
      true,
      "INVALID_ORDER",
    ],
    ["an expired GTD", http(400, "invalid expiration"), true, "INVALID_ORDER"],
  ])("when %s then the failure is %s", (_name, reply, placing, code) => {
    expect(classifyClobFailure(reply, placing).code).toBe(code);
  });

  it("when rate limited with a wait then the wait is kept", () => {
    expect(classifyClobFailure(http(429, "Too Many Requests", 1_500), true).retryAfterMs).toBe(1_500);
  });
});
