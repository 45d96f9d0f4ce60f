import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldContext } from "./field-context.ts";
import { parseLegacyKeyring } from "./keyring.ts";
import { openLegacyField as openField, sealLegacyField } from "./legacy-envelope.ts";

const keyring = parseLegacyKeyring(`k1:${randomBytes(32).toString("base64")}`);
const sealField = (ring: typeof keyring, text: string, c: FieldContext) =>
  sealLegacyField(ring, "k1", text, c);
const ctx: FieldContext = {
  rowId: "5b7f0a36-8a39-4f0c-9d9a-2f3c1c1f6d11",
  userId: "0e3a9b8e-2c47-4d1c-b4a7-6a0ad0f5e0a2",
  column: "private_key",
};
const SECRET = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

describe("the old otc1 envelope (read by rotation only)", () => {
  it("when a value is sealed then the envelope never contains the plaintext and opens to it again", () => {
    const sealed = sealField(keyring, SECRET, ctx);
    expect(sealed).toMatch(/^otc1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(SECRET.slice(2, 18));
    expect(openField(keyring, sealed, ctx)).toBe(SECRET);
  });

  it("when the same value is sealed twice then the envelopes differ (fresh nonce)", () => {
    expect(sealField(keyring, SECRET, ctx)).not.toBe(sealField(keyring, SECRET, ctx));
  });

  it.each([
    ["another row", { ...ctx, rowId: "00000000-0000-0000-0000-000000000001" }],
    ["another user", { ...ctx, userId: "00000000-0000-0000-0000-000000000002" }],
    ["another column", { ...ctx, column: "api_secret" as const }],
  ])("when a sealed value is moved to %s then it fails to open", (_what, moved) => {
    const sealed = sealField(keyring, SECRET, ctx);
    expect(() => openField(keyring, sealed, moved)).toThrow(
      expect.objectContaining({ code: "DECRYPT_FAILED" }),
    );
  });

  it("when the key is wrong (same id, other bytes) then it fails loudly, never garbage", () => {
    const impostor = parseLegacyKeyring(`k1:${randomBytes(32).toString("base64")}`);
    const sealed = sealField(keyring, SECRET, ctx);
    expect(() => openField(impostor, sealed, ctx)).toThrow(
      expect.objectContaining({ code: "DECRYPT_FAILED" }),
    );
  });

  it("when the key id is not loaded then it says which key is missing", () => {
    const other = parseLegacyKeyring(`k2:${randomBytes(32).toString("base64")}`);
    const sealed = sealField(keyring, SECRET, ctx);
    expect(() => openField(other, sealed, ctx)).toThrow(expect.objectContaining({ code: "KEY_UNKNOWN" }));
  });

  it("when one ciphertext byte is flipped then it fails to open", () => {
    const parts = sealField(keyring, SECRET, ctx).split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => openField(keyring, parts.join("."), ctx)).toThrow(
      expect.objectContaining({ code: "DECRYPT_FAILED" }),
    );
  });

  it.each(["", "plaintext", "otc1.k1.a.b", "otc9.k1.AAAA.AAAA.AAAA"])(
    "when the stored value is %j then it is reported as malformed",
    (value) => {
      expect(() => openField(keyring, value, ctx)).toThrow(
        expect.objectContaining({ code: "CIPHERTEXT_MALFORMED" }),
      );
    },
  );

  it("when any non-empty text is sealed then it opens to exactly that text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "binary" }), (text) => {
        expect(openField(keyring, sealField(keyring, text, ctx), ctx)).toBe(text);
      }),
    );
  });
});
