import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../src/client/connect.ts";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { asService } from "../src/client/service.ts";
import { withUser } from "../src/client/with-user.ts";
import type { PolymarketCredentials } from "../src/credentials/credential-fields.ts";
import { generateCredentialKeyPair } from "../src/credentials/generate-key-pair.ts";
import { parseLegacyKeyring } from "../src/credentials/keyring.ts";
import { sealLegacyField } from "../src/credentials/legacy-envelope.ts";
import { loadCredentials } from "../src/credentials/load-credentials.ts";
import { parseOpeningKeys } from "../src/credentials/open-credential.ts";
import { rotateCredentials } from "../src/credentials/rotate-credentials.ts";
import { saveDerivedCredentials } from "../src/credentials/save-derived-credentials.ts";
import { parseSealingKey } from "../src/credentials/seal-credential.ts";
import { storeCredentials } from "../src/credentials/store-credentials.ts";
import { createAuthUser } from "../src/testing/fixtures.ts";
import { actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { openTestDatabase } from "../src/testing/test-database.ts";

/** The two values `db:credential-keys` prints, for a fresh id. */
function keyPair(prefix: string) {
  const { publicLine, privateLine } = generateCredentialKeyPair(
    `${prefix}-${randomBytes(3).toString("hex")}`,
  );
  const value = (line: string) => line.slice(line.indexOf("=") + 1);
  return { publicText: value(publicLine), privateText: value(privateLine) };
}
const oldPair = keyPair("old");
const newPair = keyPair("new");
/** The API's side (public key only) and the runners' side before and after a new key pair is introduced. */
const sealer = parseSealingKey(oldPair.publicText);
const before = parseOpeningKeys(oldPair.privateText);
const after = parseOpeningKeys(`${newPair.privateText},${oldPair.privateText}`);

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
      storeCredentials(tx, sealer, owner, plain),
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

  it("when the service opens them with the private key then every value decrypts to what was stored", async () => {
    for (const { id, plain } of stored) {
      const loaded = await asService(db.db, (tx) => loadCredentials(tx, before, id));
      expect(loaded).toEqual({ id, userId: owner, ...plain });
    }
  });

  it("when a value is invalid then nothing is stored and the error names the field, not the value", async () => {
    const bad = { privateKey: "not-a-key-0123456789" };
    const error = await withUser(db.db, { sub: owner, role: "authenticated" }, (tx) =>
      storeCredentials(tx, sealer, owner, bad),
    ).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "PLAINTEXT_INVALID" });
    expect((error as Error).message).toContain("privateKey");
    expect((error as Error).message).not.toContain(bad.privateKey);
  });

  it("when the key is wrong then opening fails loudly", async () => {
    const [id] = [stored[0]?.id ?? ""];
    const impostor = parseOpeningKeys(
      oldPair.privateText.replace(/:.*/, `:${randomBytes(32).toString("base64")}`),
    );
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
    const report = await rotateCredentials(db.db, { opener: after }, 2);
    expect(report.rotated).toBeGreaterThanOrEqual(stored.length);
    expect(report.unreadable).toContainEqual({ id: forged, code: "KEY_UNKNOWN" });
    expect(report.remaining).toBeGreaterThanOrEqual(1);
    for (const { id, plain } of stored) {
      const row = await rawRow(id);
      for (const column of ["private_key", "api_key", "api_secret", "passphrase"]) {
        const value = row?.[column];
        if (value !== null && value !== undefined)
          expect(value.split(".").slice(0, 2)).toEqual(["otc2", after.active.keyId]);
      }
      const newOnly = parseOpeningKeys(newPair.privateText);
      expect(await asService(db.db, (tx) => loadCredentials(tx, newOnly, id))).toEqual({
        id,
        userId: owner,
        ...plain,
      });
    }
  });

  it("when rerun then nothing more is rotated, and old-key reads fail loudly", async () => {
    const again = await rotateCredentials(db.db, { opener: after });
    const ours = new Set(stored.map((s) => s.id));
    expect(again.unreadable.filter((u) => ours.has(u.id))).toEqual([]);
    const id = stored[0]?.id ?? "";
    await expect(asService(db.db, (tx) => loadCredentials(tx, before, id))).rejects.toMatchObject({
      code: "KEY_UNKNOWN",
    });
  });
});

describe("rotating rows sealed by the old symmetric format (otc1)", () => {
  const legacyText = `sym-${randomBytes(3).toString("hex")}:${randomBytes(32).toString("base64")}`;
  const legacy = parseLegacyKeyring(legacyText);
  const legacyId = legacyText.slice(0, legacyText.indexOf(":"));
  const old: { id: string; plain: PolymarketCredentials }[] = [];
  const columnsOf = async (id: string) => {
    const row = await rawRow(id);
    return ["private_key", "api_key", "api_secret", "passphrase"].map((c) => row?.[c]?.split(".")[0] ?? null);
  };

  beforeAll(async () => {
    // Rows as the previous release wrote them: every value AES-GCM under the symmetric key.
    for (const n of [21, 22, 23]) {
      const id = randomUUID();
      const plain = n === 23 ? { privateKey: randomBytes(32).toString("hex") } : credentialsFor(n);
      const seal = (column: "private_key" | "api_key" | "api_secret" | "passphrase", value?: string) =>
        value === undefined
          ? null
          : sealLegacyField(legacy, legacyId, value, { rowId: id, userId: owner, column });
      await db.raw.query(
        "insert into public.api_credentials (id, user_id, private_key, api_key, api_secret, passphrase) values ($1, $2, $3, $4, $5, $6)",
        [
          id,
          owner,
          seal("private_key", plain.privateKey),
          seal("api_key", plain.apiKey),
          seal("api_secret", plain.apiSecret),
          seal("passphrase", plain.passphrase),
        ],
      );
      old.push({ id, plain });
    }
  });

  it("when the old symmetric keys are not given then otc1 rows are left as they are and reported", async () => {
    const report = await rotateCredentials(db.db, { opener: after });
    for (const { id } of old) {
      expect(report.unreadable).toContainEqual({ id, code: "KEY_UNKNOWN" });
      expect((await columnsOf(id))[0]).toBe("otc1");
    }
    expect(report.remaining).toBeGreaterThanOrEqual(old.length);
  });

  it("when they are given then every otc1 row is re-sealed as otc2 and opens with the private key to the same values", async () => {
    const report = await rotateCredentials(db.db, { opener: after, legacy }, 2);
    expect(report.unreadable.filter((u) => old.some((o) => o.id === u.id))).toEqual([]);
    const newOnly = parseOpeningKeys(newPair.privateText);
    for (const { id, plain } of old) {
      expect((await columnsOf(id)).filter((v) => v !== null && v !== "otc2")).toEqual([]);
      expect(await asService(db.db, (tx) => loadCredentials(tx, newOnly, id))).toEqual({
        id,
        userId: owner,
        ...plain,
      });
    }
    expect(report.rotated).toBeGreaterThanOrEqual(old.length);
  });
});

describe("saveDerivedCredentials", () => {
  const derived = { apiKey: "derived-key", apiSecret: "derived-secret", passphrase: "derived-pass" };

  it("when a row holds only a private key then the derived trio is kept sealed and opens with the private key", async () => {
    const privateKey = randomBytes(32).toString("hex");
    const { id } = await withUser(db.db, { sub: owner, role: "authenticated" }, (tx) =>
      storeCredentials(tx, sealer, owner, { privateKey }),
    );
    const runnerSealer = after.active;
    expect(
      await asService(db.db, (tx) =>
        saveDerivedCredentials(tx, runnerSealer, { id, userId: owner }, derived),
      ),
    ).toBe(true);
    expect(JSON.stringify(await rawRow(id))).not.toContain("derived-");
    expect(await asService(db.db, (tx) => loadCredentials(tx, after, id))).toEqual({
      id,
      userId: owner,
      privateKey,
      ...derived,
    });
  });

  it("when the row already has a trio then it is kept and nothing is written", async () => {
    const { id, plain } = stored[0] ?? { id: "", plain: credentialsFor(0) };
    expect(
      await asService(db.db, (tx) =>
        saveDerivedCredentials(tx, after.active, { id, userId: owner }, derived),
      ),
    ).toBe(false);
    expect(await asService(db.db, (tx) => loadCredentials(tx, after, id))).toMatchObject({
      apiKey: plain.apiKey,
    });
  });
});

describe("storing for someone else", () => {
  it("when a user stores credentials for another user then RLS refuses and the error carries no ciphertext", async () => {
    const victim = await createAuthUser(db.raw);
    const error = await withUser(db.db, { sub: owner, role: "authenticated" }, (tx) =>
      storeCredentials(tx, sealer, victim, credentialsFor(9)),
    ).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "STORE_FAILED" });
    expect((error as Error).message).not.toContain("otc2");
    expect(JSON.stringify(error)).not.toContain("otc2");
  });
});
