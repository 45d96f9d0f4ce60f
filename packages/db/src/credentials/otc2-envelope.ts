import { createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import { CredentialError } from "./credential-error.ts";

// `otc2.<key id>.<ephemeral public key>.<nonce>.<ciphertext>.<tag>`, base64url parts: an X25519 ephemeral-static
// key agreement with the runners' public key, HKDF-SHA256 to a one-value AES-256-GCM key. Shared by the sealing
// side (public key only) and the opening side (private keys); nothing here can open a value.
export const OTC2 = "otc2";
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
const POINT_BYTES = 32;

export interface Otc2Envelope {
  readonly keyId: string;
  readonly ephemeral: Buffer;
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

export function formatOtc2(e: Otc2Envelope): string {
  return [
    OTC2,
    e.keyId,
    ...[e.ephemeral, e.nonce, e.ciphertext, e.tag].map((b) => b.toString("base64url")),
  ].join(".");
}

export function parseOtc2(sealed: string): Otc2Envelope {
  const parts = sealed.split(".");
  const [version, keyId, ephemeral, nonce, ciphertext, tag] = parts;
  if (parts.length !== 6 || version !== OTC2 || !keyId || !ephemeral || !nonce || !ciphertext || !tag) {
    throw new CredentialError("CIPHERTEXT_MALFORMED", "A stored credential is not an otc2 envelope.");
  }
  const decoded = {
    keyId,
    ephemeral: Buffer.from(ephemeral, "base64url"),
    nonce: Buffer.from(nonce, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
    tag: Buffer.from(tag, "base64url"),
  };
  if (
    decoded.ephemeral.length !== POINT_BYTES ||
    decoded.nonce.length !== NONCE_BYTES ||
    decoded.tag.length !== TAG_BYTES
  ) {
    throw new CredentialError(
      "CIPHERTEXT_MALFORMED",
      "A stored credential has an ephemeral key, nonce or tag of the wrong length.",
    );
  }
  return decoded;
}

/** The AES key for one value: both public keys go into the salt so the key is bound to this exchange. */
export const contentKey = (shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer =>
  Buffer.from(
    hkdfSync("sha256", shared, Buffer.concat([ephemeral, recipient]), "open-trade/api_credentials/otc2", 32),
  );

export const x25519PublicKey = (raw: Buffer): KeyObject =>
  createPublicKey({ key: { kty: "OKP", crv: "X25519", x: raw.toString("base64url") }, format: "jwk" });

export const rawPublicKey = (key: KeyObject): Buffer =>
  Buffer.from(key.export({ format: "jwk" }).x ?? "", "base64url");
