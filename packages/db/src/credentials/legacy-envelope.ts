import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { CredentialError } from "./credential-error.ts";
import { associatedData, type FieldContext } from "./field-context.ts";
import type { LegacyKeyring } from "./keyring.ts";

// The otc1 format: AES-256-GCM under a symmetric key, `otc1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts).
// Whoever held the key could both seal and open, so nothing seals otc1 any more: rows still in it are re-sealed
// as otc2 by `db:rotate-credentials`, which is the only reader of this file.
const VERSION = "otc1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals the old way; kept so the rotation tests (and its self-check) can produce the rows old releases wrote. */
export function sealLegacyField(
  keyring: LegacyKeyring,
  keyId: string,
  plaintext: string,
  ctx: FieldContext,
): string {
  const key = keyring.get(keyId);
  if (!key) throw new CredentialError("KEY_UNKNOWN", `The credential key "${keyId}" is not loaded.`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(VERSION, keyId, ctx));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyId, ...[iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString("base64url"))].join(
    ".",
  );
}

export function openLegacyField(keyring: LegacyKeyring, sealed: string, ctx: FieldContext): string {
  const { keyId, iv, ciphertext, tag } = parseLegacyEnvelope(sealed);
  const key = keyring.get(keyId);
  if (!key) {
    throw new CredentialError(
      "KEY_UNKNOWN",
      `Credential ${ctx.rowId} (${ctx.column}) was sealed with key "${keyId}", which is not in OPEN_TRADE_CREDENTIAL_KEYS.`,
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(VERSION, keyId, ctx));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new CredentialError(
      "DECRYPT_FAILED",
      `Credential ${ctx.rowId} (${ctx.column}) did not authenticate under key "${keyId}": the key is wrong or the value was altered or moved.`,
    );
  }
}

function parseLegacyEnvelope(sealed: string) {
  const parts = sealed.split(".");
  const [version, keyId, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !iv || !ciphertext || !tag) {
    throw new CredentialError("CIPHERTEXT_MALFORMED", "A stored credential is not an otc1 envelope.");
  }
  const decoded = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
    tag: Buffer.from(tag, "base64url"),
  };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new CredentialError(
      "CIPHERTEXT_MALFORMED",
      "A stored credential has a nonce or tag of the wrong length.",
    );
  }
  return decoded;
}
