import { CredentialError } from "./credential-error.ts";

// No "_" or ".": ids appear inside the envelope and in LIKE patterns.
const KEY_ID = /^[A-Za-z0-9-]{1,32}$/;
const KEY_BYTES = 32;

export const isKeyId = (id: string) => KEY_ID.test(id);

/**
 * Reads `id:base64,id:base64` (32 bytes each) from the variable `name`, in the order listed. Messages name the
 * variable and the key id, never the key material.
 */
export function parseKeyList(text: string | undefined, name: string): Map<string, Buffer> {
  if (!text?.trim()) {
    throw new CredentialError(
      "KEY_MISSING",
      `${name} is not set: it takes id:base64 entries (32 bytes each; see "pnpm --filter @open-trade/db db:credential-keys").`,
    );
  }
  const keys = new Map<string, Buffer>();
  for (const entry of text.split(",")) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator).trim();
    const encoded = entry.slice(separator + 1).trim();
    if (separator < 0 || !isKeyId(id)) {
      throw new CredentialError(
        "KEY_INVALID",
        `${name} must be a comma-separated list of id:base64 with ids of letters, digits and '-'.`,
      );
    }
    const key = Buffer.from(encoded, "base64");
    if (key.length !== KEY_BYTES || key.toString("base64") !== normaliseBase64(encoded)) {
      throw new CredentialError(
        "KEY_INVALID",
        `Key "${id}" in ${name} must be exactly 32 bytes, base64-encoded.`,
      );
    }
    if (keys.has(id)) throw new CredentialError("KEY_INVALID", `Key id "${id}" is listed twice in ${name}.`);
    keys.set(id, key);
  }
  return keys;
}

function normaliseBase64(text: string): string {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  return padded + "=".repeat((4 - (padded.length % 4)) % 4);
}
