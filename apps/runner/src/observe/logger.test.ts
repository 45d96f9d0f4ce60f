import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "./logger.ts";

const PRIVATE_KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const BARE_PRIVATE_KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const API_SECRET = "dGhpc0lzQVBvbHltYXJrZXRTZWNyZXQxMjM0NTY3OA==";
const PASSPHRASE = "f3a9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1";
const OPENROUTER_KEY = "sk-or-v1-0123456789abcdef0123456789abcdef";
const ENVELOPE = "otc1.k1.q2Jx9aZ3WmP0.Vb7Kc1xYz-Q_w4e9r8t7.Ab12Cd34Ef56Gh78";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLXBhcnQ";
const KNOWN_ONLY = "plain-words-known-secret";
const SECRETS = [
  PRIVATE_KEY,
  BARE_PRIVATE_KEY,
  API_SECRET,
  PASSPHRASE,
  OPENROUTER_KEY,
  ENVELOPE,
  JWT,
  KNOWN_ONLY,
];

function capture(level: LogLevel = "debug") {
  const lines: string[] = [];
  const logger = createLogger({
    write: (line) => lines.push(line),
    level,
    secrets: [KNOWN_ONLY],
    now: () => new Date("2026-11-25T12:00:00.000Z"),
  });
  return { lines, logger };
}

function leaks(output: string): string[] {
  // The bare key must not survive even as a substring of the 0x form.
  return SECRETS.filter((s) => output.includes(s) || output.includes(s.replace(/^0x/, "")));
}

const nestedError = () => {
  const cause = new Error(`signing failed for key ${PRIVATE_KEY}`);
  const error = new Error(`POST /order 401: {"secret":"${API_SECRET}","passphrase":"${PASSPHRASE}"}`, {
    cause,
  });
  Object.assign(error, { code: "AUTH", headers: { Authorization: `Bearer ${OPENROUTER_KEY}` } });
  error.stack = `Error: key=${BARE_PRIVATE_KEY}\n    at sign (/work/main/x.ts:1:1) ${ENVELOPE}`;
  return error;
};

describe("createLogger redaction", () => {
  it.each<[string, Record<string, unknown>]>([
    [
      "secret-named fields",
      { apiKey: OPENROUTER_KEY, secret: API_SECRET, passphrase: PASSPHRASE, privateKey: PRIVATE_KEY },
    ],
    ["snake and kebab names", { api_key: "a-b-c-d-e-f", private_key: "xyz123", "x-api-key": "q1w2e3r4" }],
    [
      "nested objects and arrays",
      { user: { creds: [{ key: "k", secret: API_SECRET }], note: `pk ${PRIVATE_KEY}` } },
    ],
    ["secrets inside prose", { message: `tried ${BARE_PRIVATE_KEY} then ${ENVELOPE}, header Bearer ${JWT}` }],
    ["an Authorization header", { request: { headers: { Authorization: `Bearer ${OPENROUTER_KEY}` } } }],
    [
      "a Headers instance",
      { headers: new Headers({ authorization: `Bearer ${OPENROUTER_KEY}`, poly_passphrase: PASSPHRASE }) },
    ],
    ["an error with cause, own fields and stack", { err: nestedError() }],
    [
      "a Map",
      {
        m: new Map([
          ["secret", API_SECRET],
          ["other", `x ${API_SECRET}`],
        ]),
      },
    ],
    ["a value known to the process", { detail: `the model said ${KNOWN_ONLY} twice: ${KNOWN_ONLY}` }],
    ["a key=value pair in text", { url: `https://x.test/?token=${KNOWN_ONLY}abc&api_key=zzz999` }],
  ])("when %s are logged then no secret reaches the output", (_name, fields) => {
    const { lines, logger } = capture();
    logger.log("error", "evaluation.failed", fields);
    logger.child(fields).log("info", "child.event", { again: fields });
    expect(lines).toHaveLength(2);
    expect(leaks(lines.join("\n"))).toEqual([]);
    expect(lines.join("\n")).not.toMatch(/zzz999|q1w2e3r4|xyz123|a-b-c-d-e-f/);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("when a secret is the event name then it is scrubbed too", () => {
    const { lines, logger } = capture();
    logger.log("warn", `bad ${PRIVATE_KEY}`);
    expect(leaks(lines.join(""))).toEqual([]);
  });

  it("when any secret is embedded in arbitrary text then it never reaches the output", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SECRETS), fc.string(), fc.string(), (secret, before, after) => {
        const { lines, logger } = capture();
        logger.log("info", "x", { text: `${before} ${secret} ${after}`, list: [`${before}${secret}`] });
        return !lines.join("").includes(secret);
      }),
    );
  });
});

describe("createLogger output", () => {
  it.each<[string, unknown, unknown]>([
    ["an order id", { orderId: PRIVATE_KEY }, PRIVATE_KEY],
    ["a condition id", { conditionId: `0x${"ab".repeat(32)}` }, `0x${"ab".repeat(32)}`],
    ["a bigint", { n: 12_500_000n }, "12500000"],
    ["a date", { at: new Date("2026-01-02T03:04:05.000Z") }, "2026-01-02T03:04:05.000Z"],
    ["infinity", { x: Number.POSITIVE_INFINITY }, "Infinity"],
    ["a uuid", { botId: "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f" }, "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"],
    ["a price string", { price: "0.49" }, "0.49"],
    ["model token counts", { inputTokens: 120 }, 120],
  ])("when %s is logged then it is kept readable", (_name, fields, expected) => {
    const { lines, logger } = capture();
    logger.log("info", "x", fields as Record<string, unknown>);
    const parsed = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(Object.values(parsed).at(-1)).toEqual(expected);
  });

  it("when fields try to overwrite ts, level or event then the logger's values win", () => {
    const { lines, logger } = capture();
    logger
      .child({ service: "runner" })
      .log("warn", "tick.slow", { level: "debug", event: "x", ts: "y", ms: 3 });
    expect(JSON.parse(lines[0] ?? "{}")).toEqual({
      ts: "2026-11-25T12:00:00.000Z",
      level: "warn",
      event: "tick.slow",
      service: "runner",
      ms: 3,
    });
  });

  it("when a value is circular then it is cut and the line is still JSON", () => {
    const { lines, logger } = capture();
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    logger.log("info", "x", { a });
    expect(JSON.parse(lines[0] ?? "{}").a).toEqual({ name: "a", self: "[Circular]" });
  });

  it.each<[LogLevel, LogLevel[]]>([
    ["debug", ["debug", "info", "warn", "error"]],
    ["info", ["info", "warn", "error"]],
    ["warn", ["warn", "error"]],
    ["error", ["error"]],
  ])("when the level is %s then only %j are written", (level, expected) => {
    const { lines, logger } = capture(level);
    for (const l of ["debug", "info", "warn", "error"] as const) logger.log(l, "x");
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(expected);
  });
});
