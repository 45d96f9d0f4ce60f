import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../src/client/connect.ts";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { asService } from "../src/client/service.ts";
import { withUser } from "../src/client/with-user.ts";
import {
  loadCredentials,
  type PolymarketCredentials,
  storeCredentials,
} from "../src/credentials/credential-store.ts";
import { parseKeyring } from "../src/credentials/keyring.ts";
import { rotateCredentials } from "../src/credentials/rotate-credentials.ts";
import { createAuthUser } from "../src/testing/fixtures.ts";
import { actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { openTestDatabase } from "../src/testing/test-database.ts";

const oldKey = `old-${randomBytes(3).toString("hex")}:${randomBytes(32).toString("base64")}`;
const newKey = `new-${randomBytes(3).toString("hex")}:${randomBytes(32).toString("base64")}`;
const before = parseKeyring(oldKey);
const after = parseKeyring(`${newKey},${oldKey}`);

const credentialsFor = (n: number): PolymarketCredentials => ({
  privateKey: randomBytes(32).toString("hex"),
  apiKey: `api-key-${n}-${randomBytes(4).toString("hex")}`,
  apiSecret: `secret-${n}-${randomBytes(12).toString("base64url")}`,
  passphrase: `pass-${n}-${randomBytes(8).toString("hex")}`,
});

let db: Connection;
let owner: string;
const stored: { id: string; plain: PolymarketCredentials }[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  owner = await createAuthUser(db.raw);
  for (const n of [1, 2, 3, 4, 5]) {
    const plain = n === 5 ? { privateKey: randomBytes(32).toString("hex") } : credentialsFor(n);
    const { id } = await withUser(db.db, { sub: owner, role: "authenticated" }, (tx) =>
      storeCredentials(tx, before, owner, plain),
    );
    stored.push({ id, plain });
  }
});
afterAll(async () => {
  await db?.close();
});

const rawRow = async (id: string) =>
  (
    await db.raw.query<Record<string, string | null>>("select * from public.api_credentials where id = $1", [
      id,
    ])
  ).rows[0];

describe("stored credentials", () => {
  it("when credentials are stored then no column contains any plaintext value", async () => {
    for (const { id, plain } of stored) {
      const row = JSON.stringify(await rawRow(id));
      for (const value of Object.values(plain)) expect(row).not.toContain(value);
    }
  });

  it("when the owner reads their credentials back then permission is denied", async () => {
    const outcome = await rolledBack(db.raw, async (tx) => {
      await actAs(tx, "owner", { owner, stranger: owner });
      return tx.query("select private_key from public.api_credentials where user_id = $1", [owner]);
    });
    expect(sqlErrorInfo(!outcome.ok && outcome.error)?.code).toBe("42501");
  });

  it("when the service opens them then every value decrypts to what was stored", async () => {
    for (const { id, plain } of stored) {
      const loaded = await asService(db.db, (tx) => loadCredentials(tx, before, id));
      expect(loaded).toEqual({ id, userId: owner, ...plain });
    }
  });

  it("when a value is invalid then nothing is stored and the error names the field, not the value", async () => {
    const bad = { privateKey: "not-a-key-0123456789" };
    const error = await withUser(db.db, { sub: owner, role: "authenticated" }, (tx) =>
      storeCredentials(tx, before, owner, bad),
    ).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "PLAINTEXT_INVALID" });
    expect((error as Error).message).toContain("privateKey");
    expect((error as Error).message).not.toContain(bad.privateKey);
  });

  it("when the key is wrong then opening fails loudly", async () => {
    const [id] = [stored[0]?.id ?? ""];
    const impostor = parseKeyring(oldKey.replace(/:.*/, `:${randomBytes(32).toString("base64")}`));
    await expect(asService(db.db, (tx) => loadCredentials(tx, impostor, id))).rejects.toMatchObject({
      code: "DECRYPT_FAILED",
    });
  });
});

describe("rotateCredentials", () => {
  // Another user forges an envelope under a key nobody has; rotation must go on for everyone else and say so.
  let forged = "";
  beforeAll(async () => {
    const mallory = await createAuthUser(db.raw);
    forged = "00000000-0000-4000-8000-00000000f0f0".replace("f0f0", randomBytes(2).toString("hex"));
    await withUser(db.db, { sub: mallory, role: "authenticated" }, (tx) =>
      tx.execute(
        sql`insert into public.api_credentials (id, user_id, private_key) values (${forged}, ${mallory}, 'otc1.bogus.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA')`,
      ),
    );
  });

  it("when rotated to a new key then every readable row is re-sealed under it and decrypts to the same values", async () => {
    const report = await rotateCredentials(db.db, after, 2);
    expect(report.rotated).toBeGreaterThanOrEqual(stored.length);
    expect(report.unreadable).toContainEqual({ id: forged, code: "KEY_UNKNOWN" });
    expect(report.remaining).toBeGreaterThanOrEqual(1);
    for (const { id, plain } of stored) {
      const row = await rawRow(id);
      for (const column of ["private_key", "api_key", "api_secret", "passphrase"]) {
        const value = row?.[column];
        if (value !== null && value !== undefined) expect(value.split(".")[1]).toBe(after.activeKeyId);
      }
      const newOnly = parseKeyring(newKey);
      expect(await asService(db.db, (tx) => loadCredentials(tx, newOnly, id))).toEqual({
        id,
        userId: owner,
        ...plain,
      });
    }
  });

  it("when rerun then nothing more is rotated, and old-key reads fail loudly", async () => {
    const again = await rotateCredentials(db.db, after);
    const ours = new Set(stored.map((s) => s.id));
    expect(again.unreadable.filter((u) => ours.has(u.id))).toEqual([]);
    const id = stored[0]?.id ?? "";
    await expect(asService(db.db, (tx) => loadCredentials(tx, before, id))).rejects.toMatchObject({
      code: "KEY_UNKNOWN",
    });
  });
});

describe("storing for someone else", () => {
  it("when a user stores credentials for another user then RLS refuses and the error carries no ciphertext", async () => {
    const victim = await createAuthUser(db.raw);
    const error = await withUser(db.db, { sub: owner, role: "authenticated" }, (tx) =>
      storeCredentials(tx, before, victim, credentialsFor(9)),
    ).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "STORE_FAILED" });
    expect((error as Error).message).not.toContain("otc1");
    expect(JSON.stringify(error)).not.toContain("otc1");
  });
});
