import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../index.ts";
import { createAuthUser, createBot } from "../testing/fixtures.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import type { Connection } from "./connect.ts";
import { asService } from "./service.ts";
import { type UserClaims, withUser } from "./with-user.ts";

let db: Connection;
let alice: string;
let bob: string;

beforeAll(async () => {
  db = await openTestDatabase();
  alice = await createAuthUser(db.raw);
  bob = await createAuthUser(db.raw);
  await createBot(db.raw, alice, "Alice's bot");
  await createBot(db.raw, bob, "Bob's bot");
});
afterAll(async () => {
  await db?.close();
});

const claimsOf = (sub: string): UserClaims => ({ sub, role: "authenticated" });
// postgres.js returns the rows as an array, PGlite as { rows }.
const rowsOf = (result: unknown): unknown[] =>
  Array.isArray(result) ? [...result] : (result as { rows: unknown[] }).rows;
const whoAmI = sql<{ role: string; uid: string | null }>`select current_user as role, auth.uid() as uid`;

describe("withUser", () => {
  it("when a user transaction runs then role and auth.uid() are the caller's, and reset afterwards", async () => {
    const inside = await withUser(db.db, claimsOf(alice), (tx) => tx.execute(whoAmI));
    expect(rowsOf(inside)).toEqual([{ role: "authenticated", uid: alice }]);
    const rows = await withUser(db.db, claimsOf(alice), (tx) =>
      tx.select({ id: schema.bots.id, userId: schema.bots.userId }).from(schema.bots),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([alice]));
    const { rows: after } = await db.raw.query<{ role: string }>("select current_user as role");
    expect(after[0]?.role).not.toBe("authenticated");
  });

  it("when claims are null then the transaction runs as anon and sees no bots", async () => {
    const outcome = await withUser(db.db, null, (tx) =>
      tx.select({ id: schema.bots.id }).from(schema.bots),
    ).catch((error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code);
    expect(outcome).toBe("42501");
  });

  it.each([
    ["a sub that is not a uuid", { sub: "alice", role: "authenticated" }],
    ["the service role", { sub: randomUUID(), role: "service_role" }],
  ])("when claims carry %s then no transaction is opened", async (_what, claims) => {
    await expect(withUser(db.db, claims as UserClaims, async () => "ran")).rejects.toThrow(
      /Refusing to open/,
    );
  });

  it("when two users run concurrently then neither sees the other's rows", async () => {
    const [a, b] = await Promise.all([
      withUser(db.db, claimsOf(alice), (tx) => tx.select({ userId: schema.bots.userId }).from(schema.bots)),
      withUser(db.db, claimsOf(bob), (tx) => tx.select({ userId: schema.bots.userId }).from(schema.bots)),
    ]);
    expect(new Set(a.map((r) => r.userId))).toEqual(new Set([alice]));
    expect(new Set(b.map((r) => r.userId))).toEqual(new Set([bob]));
  });
});

describe("asService", () => {
  it("when the service client reads bots then it sees every user's", async () => {
    const rows = await asService(db.db, (tx) => tx.select({ userId: schema.bots.userId }).from(schema.bots));
    const owners = new Set(rows.map((r) => r.userId));
    expect(owners.has(alice) && owners.has(bob)).toBe(true);
  });
});
