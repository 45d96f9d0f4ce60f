import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  type KeyObject,
} from "node:crypto";
import { CredentialError } from "./credential-error.ts";
import { associatedData, type FieldContext } from "./field-context.ts";
import { parseKeyList } from "./key-list.ts";
import { contentKey, OTC2, parseOtc2, rawPublicKey, TAG_BYTES, x25519PublicKey } from "./otc2-envelope.ts";
import type { CredentialSealer } from "./seal-credential.ts";

/** The runners' private keys, by id. Only `@open-trade/db/service` hands this out; the API never loads one. */
export interface CredentialOpener {
  /** The key new values are sealed with (derived L2 credentials, rotation): the first one listed. */
  readonly active: CredentialSealer;
  readonly keys: ReadonlyMap<string, { readonly privateKey: KeyObject; readonly publicKey: Buffer }>;
}

// PKCS#8 wrapping of a raw X25519 private key (RFC 8410): node:crypto imports raw keys only this way or as JWK.
const PKCS8_X25519 = Buffer.from("302e020100300506032b656e04220420", "hex");

/** Reads OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: `id:base64,...` X25519 private keys, the current one first. */
export function parseOpeningKeys(text: string | undefined): CredentialOpener {
  const keys = new Map<string, { privateKey: KeyObject; publicKey: Buffer }>();
  for (const [id, raw] of parseKeyList(text, "OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS")) {
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_X25519, raw]),
      format: "der",
      type: "pkcs8",
    });
    keys.set(id, { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) });
  }
  const [first] = keys;
  if (!first) throw new CredentialError("KEY_MISSING", "OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS lists no key.");
  return { active: { keyId: first[0], publicKey: first[1].publicKey }, keys };
}

/** Opens an otc2 value for the row, user and column it was sealed for; anything else fails loudly. */
export function openCredential(opener: CredentialOpener, sealed: string, ctx: FieldContext): string {
  if (sealed.startsWith("otc1.")) {
    throw new CredentialError(
      "KEY_UNKNOWN",
      `Credential ${ctx.rowId} (${ctx.column}) is still in the old otc1 format; run db:rotate-credentials.`,
    );
  }
  const { keyId, ephemeral, nonce, ciphertext, tag } = parseOtc2(sealed);
  const key = opener.keys.get(keyId);
  if (!key) {
    throw new CredentialError(
      "KEY_UNKNOWN",
      `Credential ${ctx.rowId} (${ctx.column}) was sealed for key "${keyId}", which is not in OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS.`,
    );
  }
  try {
    const shared = diffieHellman({ privateKey: key.privateKey, publicKey: x25519PublicKey(ephemeral) });
    const decipher = createDecipheriv("aes-256-gcm", contentKey(shared, ephemeral, key.publicKey), nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(OTC2, keyId, ctx));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new CredentialError(
      "DECRYPT_FAILED",
      `Credential ${ctx.rowId} (${ctx.column}) did not open under key "${keyId}": the key is wrong or the value was altered or moved.`,
    );
  }
}
