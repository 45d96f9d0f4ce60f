import { createCipheriv, diffieHellman, generateKeyPairSync, randomBytes } from "node:crypto";
import { CredentialError } from "./credential-error.ts";
import { associatedData, type FieldContext } from "./field-context.ts";
import { parseKeyList } from "./key-list.ts";
import {
  contentKey,
  formatOtc2,
  NONCE_BYTES,
  OTC2,
  rawPublicKey,
  TAG_BYTES,
  x25519PublicKey,
} from "./otc2-envelope.ts";

/** The runners' public key: enough to seal a credential, useless for opening one. */
export interface CredentialSealer {
  readonly keyId: string;
  readonly publicKey: Buffer;
}

/** Reads OPEN_TRADE_CREDENTIAL_PUBLIC_KEY: one `id:base64` X25519 public key (what the API seals with). */
export function parseSealingKey(text: string | undefined): CredentialSealer {
  const keys = [...parseKeyList(text, "OPEN_TRADE_CREDENTIAL_PUBLIC_KEY")];
  const [first] = keys;
  if (!first || keys.length !== 1) {
    throw new CredentialError(
      "KEY_INVALID",
      "OPEN_TRADE_CREDENTIAL_PUBLIC_KEY takes exactly one id:base64 key: the one new values are sealed with.",
    );
  }
  const sealer = { keyId: first[0], publicKey: first[1] };
  // A low-order point would make every shared secret zero: refuse it now rather than at the first store.
  sealCredential(sealer, "check", { rowId: "-", userId: "-", column: "private_key" });
  return sealer;
}

/** Seals one value so that only a holder of the matching private key can open it, bound to its row, user and column. */
export function sealCredential(sealer: CredentialSealer, plaintext: string, ctx: FieldContext): string {
  if (plaintext.length === 0) {
    throw new CredentialError("PLAINTEXT_INVALID", `Refusing to store an empty ${ctx.column}.`);
  }
  const ephemeral = generateKeyPairSync("x25519");
  let shared: Buffer;
  try {
    shared = diffieHellman({
      privateKey: ephemeral.privateKey,
      publicKey: x25519PublicKey(sealer.publicKey),
    });
  } catch {
    throw new CredentialError(
      "KEY_INVALID",
      `Credential public key "${sealer.keyId}" is not a usable X25519 key.`,
    );
  }
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", contentKey(shared, ephemeralRaw, sealer.publicKey), nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(associatedData(OTC2, sealer.keyId, ctx));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return formatOtc2({
    keyId: sealer.keyId,
    ephemeral: ephemeralRaw,
    nonce,
    ciphertext,
    tag: cipher.getAuthTag(),
  });
}
