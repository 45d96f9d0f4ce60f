import { generateKeyPairSync } from "node:crypto";
import { CredentialError } from "./credential-error.ts";
import { isKeyId } from "./key-list.ts";

/** A fresh X25519 key pair as the two environment lines: the public one for the API, the private one for runners. */
export function generateCredentialKeyPair(keyId: string): { publicLine: string; privateLine: string } {
  if (!isKeyId(keyId)) {
    throw new CredentialError("KEY_INVALID", "A key id is 1 to 32 letters, digits or '-'.");
  }
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  const raw = (jwk: { x?: string; d?: string }, part: "x" | "d") =>
    Buffer.from(jwk[part] ?? "", "base64url").toString("base64");
  return {
    publicLine: `OPEN_TRADE_CREDENTIAL_PUBLIC_KEY=${keyId}:${raw(publicKey.export({ format: "jwk" }), "x")}`,
    privateLine: `OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS=${keyId}:${raw(privateKey.export({ format: "jwk" }), "d")}`,
  };
}
