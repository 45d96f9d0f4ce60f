import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { CredentialError } from "./credential-error.ts";
import type { Keyring } from "./keyring.ts";

export type CredentialColumn = "api_key" | "api_secret" | "passphrase" | "private_key";

/** What a sealed value is bound to: moving it to another row, user or column makes it fail to open. */
export interface FieldContext {
  readonly rowId: string;
  readonly userId: string;
  readonly column: CredentialColumn;
}

const VERSION = "otc1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

const associatedData = (keyId: string, ctx: FieldContext) =>
  Buffer.from(`open-trade/api_credentials/${ctx.column}/${ctx.rowId}/${ctx.userId}/${keyId}`, "utf8");

/** AES-256-GCM with a fresh 96-bit nonce: `otc1.<key id>.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function sealField(keyring: Keyring, plaintext: string, ctx: FieldContext): string {
  if (plaintext.length === 0) {
    throw new CredentialError("PLAINTEXT_INVALID", `Refusing to store an empty ${ctx.column}.`);
  }
  const keyId = keyring.activeKeyId;
  const key = keyring.keys.get(keyId);
  if (!key) throw new CredentialError("KEY_UNKNOWN", `The active credential key "${keyId}" is not loaded.`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, ctx));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyId, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The key id a sealed value was made with, without opening it. */
export function keyIdOf(sealed: string): string {
  return parseEnvelope(sealed).keyId;
}

export function openField(keyring: Keyring, sealed: string, ctx: FieldContext): string {
  const { keyId, iv, ciphertext, tag } = parseEnvelope(sealed);
  const key = keyring.keys.get(keyId);
  if (!key) {
    throw new CredentialError(
      "KEY_UNKNOWN",
      `Credential ${ctx.rowId} (${ctx.column}) was sealed with key "${keyId}", which is not in OPEN_TRADE_CREDENTIAL_KEYS.`,
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, ctx));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new CredentialError(
      "DECRYPT_FAILED",
      `Credential ${ctx.rowId} (${ctx.column}) did not authenticate under key "${keyId}": the key is wrong or the value was altered or moved.`,
    );
  }
}

function parseEnvelope(sealed: string) {
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
