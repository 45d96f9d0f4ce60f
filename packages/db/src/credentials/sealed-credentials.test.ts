import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldContext } from "./field-context.ts";
import { generateCredentialKeyPair } from "./generate-key-pair.ts";
import { openCredential, parseOpeningKeys } from "./open-credential.ts";
import { parseSealingKey, sealCredential } from "./seal-credential.ts";

/** A key pair as the two environment values `db:credential-keys` prints. */
function keyPair(id = "k1") {
  const { publicLine, privateLine } = generateCredentialKeyPair(id);
  const value = (line: string) => line.slice(line.indexOf("=") + 1);
  return { publicText: value(publicLine), privateText: value(privateLine) };
}

const pair = keyPair();
const sealer = parseSealingKey(pair.publicText);
const opener = parseOpeningKeys(pair.privateText);
const ctx: FieldContext = {
  rowId: "5b7f0a36-8a39-4f0c-9d9a-2f3c1c1f6d11",
  userId: "0e3a9b8e-2c47-4d1c-b4a7-6a0ad0f5e0a2",
  column: "private_key",
};
const SECRET = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const failsWith = (code: string) => expect.objectContaining({ code });

describe("sealCredential / openCredential (otc2)", () => {
  it("when a value is sealed with the public key then it is an otc2 envelope without the plaintext, and the private key opens it", () => {
    const sealed = sealCredential(sealer, SECRET, ctx);
    expect(sealed).toMatch(/^otc2\.k1\.[\w-]{43}\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain(SECRET.slice(2, 18));
    expect(openCredential(opener, sealed, ctx)).toBe(SECRET);
  });

  it("when the same value is sealed twice then the ephemeral keys and envelopes differ", () => {
    const [a, b] = [sealCredential(sealer, SECRET, ctx), sealCredential(sealer, SECRET, ctx)];
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
    expect(a).not.toBe(b);
  });

  it.each([
    ["another row", { ...ctx, rowId: "00000000-0000-0000-0000-000000000001" }],
    ["another user", { ...ctx, userId: "00000000-0000-0000-0000-000000000002" }],
    ["another column", { ...ctx, column: "api_secret" as const }],
  ])("when a sealed value is copied to %s then it fails to open", (_what, moved) => {
    expect(() => openCredential(opener, sealCredential(sealer, SECRET, ctx), moved)).toThrow(
      failsWith("DECRYPT_FAILED"),
    );
  });

  it.each([
    ["ephemeral public key", 2],
    ["nonce", 3],
    ["ciphertext", 4],
    ["tag", 5],
  ])("when one bit of the %s is flipped then it fails to open", (_part, index) => {
    const parts = sealCredential(sealer, SECRET, ctx).split(".");
    const bytes = Buffer.from(parts[index] ?? "", "base64url");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    parts[index] = bytes.toString("base64url");
    expect(() => openCredential(opener, parts.join("."), ctx)).toThrow(failsWith("DECRYPT_FAILED"));
  });

  it("when the key id in the envelope is swapped for another loaded key then it fails to open", () => {
    const both = parseOpeningKeys(`${pair.privateText},${keyPair("k2").privateText}`);
    const relabelled = sealCredential(sealer, SECRET, ctx).replace(/^otc2\.k1\./, "otc2.k2.");
    expect(() => openCredential(both, relabelled, ctx)).toThrow(failsWith("DECRYPT_FAILED"));
  });

  it("when the private key is another one under the same id then it fails loudly, never garbage", () => {
    const impostor = parseOpeningKeys(`k1:${randomBytes(32).toString("base64")}`);
    expect(() => openCredential(impostor, sealCredential(sealer, SECRET, ctx), ctx)).toThrow(
      failsWith("DECRYPT_FAILED"),
    );
  });

  it("when the key id is not loaded then it says which key is missing", () => {
    const other = parseOpeningKeys(keyPair("k2").privateText);
    expect(() => openCredential(other, sealCredential(sealer, SECRET, ctx), ctx)).toThrow(
      failsWith("KEY_UNKNOWN"),
    );
  });

  it("when a value is still otc1 then opening says to rotate", () => {
    const otc1 = "otc1.k1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    expect(() => openCredential(opener, otc1, ctx)).toThrow(/db:rotate-credentials/);
  });

  it.each(["", "plaintext", "otc2.k1.a.b.c", "otc2.k1.AAAA.AAAA.AAAA.AAAA", "otc9.k1.AAAA.AAAA.AAAA.AAAA"])(
    "when the stored value is %j then it is reported as malformed",
    (value) => {
      expect(() => openCredential(opener, value, ctx)).toThrow(failsWith("CIPHERTEXT_MALFORMED"));
    },
  );

  it("when the plaintext is empty then nothing is sealed", () => {
    expect(() => sealCredential(sealer, "", ctx)).toThrow(failsWith("PLAINTEXT_INVALID"));
  });

  it("when any non-empty text is sealed then it opens to exactly that text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "binary" }), (text) => {
        expect(openCredential(opener, sealCredential(sealer, text, ctx), ctx)).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it("when opening fails then the error carries neither the value nor any key", () => {
    const sealed = sealCredential(sealer, SECRET, { ...ctx, column: "api_key" });
    const error = (() => {
      try {
        openCredential(opener, sealed, ctx);
      } catch (e) {
        return e as Error;
      }
    })();
    const text = `${error?.message} ${JSON.stringify(error)}`;
    for (const secret of [SECRET, sealed, pair.privateText.slice(3), pair.publicText.slice(3)]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("credential keys", () => {
  it("when a pair is generated then the public line is the public half of the private line", () => {
    const { privateText, publicText } = keyPair("k-2026");
    expect(parseOpeningKeys(privateText).active).toEqual(parseSealingKey(publicText));
  });

  it.each([
    [
      "two public keys",
      () => parseSealingKey(`${pair.publicText},k2:${keyPair().publicText.slice(3)}`),
      "KEY_INVALID",
    ],
    [
      "a low-order public key",
      () => parseSealingKey(`k1:${Buffer.alloc(32).toString("base64")}`),
      "KEY_INVALID",
    ],
    ["no private keys", () => parseOpeningKeys(undefined), "KEY_MISSING"],
    ["a key id with a dot", () => generateCredentialKeyPair("k.1"), "KEY_INVALID"],
  ])("when given %s then it is refused (%s)", (_what, parse, code) => {
    expect(parse).toThrow(failsWith(code));
  });

  it("when several private keys are listed then the first one seals and every one opens", () => {
    const older = keyPair("k0");
    const both = parseOpeningKeys(`${pair.privateText},${older.privateText}`);
    expect(both.active.keyId).toBe("k1");
    const old = sealCredential(parseSealingKey(older.publicText), SECRET, ctx);
    expect(openCredential(both, old, ctx)).toBe(SECRET);
  });
});
