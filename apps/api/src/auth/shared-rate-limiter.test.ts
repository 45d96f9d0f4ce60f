import { randomUUID } from "node:crypto";
import type { Connection } from "@open-trade/db";
import { openTestDatabase } from "@open-trade/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedRateLimiter } from "./shared-rate-limiter.ts";

let db: Connection;
// Real time: other test files sharing the database delete windows that have ended by the real clock.
let clock = Date.now();
const now = () => clock;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("sign-in limits shared through the database", () => {
  it("when two API processes each count some failures then together they refuse the key at the limit", async () => {
    // Two limiters on one database stand for two API processes behind a load balancer.
    const first = new SharedRateLimiter(db.db, 5, 15 * 60_000, now, "deployment-key");
    const second = new SharedRateLimiter(db.db, 5, 15 * 60_000, now, "deployment-key");
    const elsewhere = new SharedRateLimiter(db.db, 5, 15 * 60_000, now, "another-deployment-key");
    const key = `account:${randomUUID()}@example.test`;
    for (const limiter of [first, second, first, second]) await limiter.hit(key);
    expect([await first.retryAfterSeconds(key), await second.retryAfterSeconds(key)]).toEqual([0, 0]);
    await second.hit(key);
    expect(await first.retryAfterSeconds(key)).toBe(15 * 60);
    expect(await second.retryAfterSeconds(key)).toBe(15 * 60);
    // Another deployment on the same database (another signing key) keeps its own count.
    expect(await elsewhere.retryAfterSeconds(key)).toBe(0);
  });

  it("when the window ends or the key is reset then it may try again", async () => {
    const limiter = new SharedRateLimiter(db.db, 2, 60_000, now);
    const ended = `address:${randomUUID()}`;
    const reset = `account:${randomUUID()}`;
    for (const key of [ended, ended, reset, reset]) await limiter.hit(key);
    await limiter.reset(reset);
    expect(await limiter.retryAfterSeconds(ended)).toBe(60);
    expect(await limiter.retryAfterSeconds(reset)).toBe(0);
    clock += 60_000;
    expect(await limiter.retryAfterSeconds(ended)).toBe(0);
    // The next hit starts a fresh window (the expired one is deleted first).
    await limiter.hit(ended);
    expect(await limiter.retryAfterSeconds(ended)).toBe(0);
  });
});
