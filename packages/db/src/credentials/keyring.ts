import { CredentialError } from "./credential-error.ts";

export interface Keyring {
  /** New values are sealed with this key. */
  readonly activeKeyId: string;
  /** Every key that may still have sealed a stored value, by id. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

// No "_" or ".": ids appear inside the envelope and in LIKE patterns.
const KEY_ID = /^[A-Za-z0-9-]{1,32}$/;
const KEY_BYTES = 32;

/**
 * Reads keys written as `id:base64,id:base64` (OPEN_TRADE_CREDENTIAL_KEYS). The active key is `activeKeyId`
 * (OPEN_TRADE_CREDENTIAL_KEY_ID) or, when unset, the first one listed. Each key is 32 random bytes, e.g.
 * `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`.
 */
export function parseKeyring(keysText: string | undefined, activeKeyId?: string): Keyring {
  if (!keysText?.trim()) {
    throw new CredentialError(
      "KEY_MISSING",
      "No credential encryption key: set OPEN_TRADE_CREDENTIAL_KEYS to id:base64 (32 random bytes), e.g. k1:<base64>.",
    );
  }
  const keys = new Map<string, Buffer>();
  for (const entry of keysText.split(",")) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator).trim();
    const encoded = entry.slice(separator + 1).trim();
    if (separator < 0 || !KEY_ID.test(id)) {
      throw new CredentialError(
        "KEY_INVALID",
        "OPEN_TRADE_CREDENTIAL_KEYS must be a comma-separated list of id:base64 with ids of letters, digits and '-'.",
      );
    }
    const key = Buffer.from(encoded, "base64");
    if (key.length !== KEY_BYTES || key.toString("base64") !== normaliseBase64(encoded)) {
      throw new CredentialError(
        "KEY_INVALID",
        `Credential key "${id}" must be exactly 32 bytes, base64-encoded.`,
      );
    }
    if (keys.has(id)) throw new CredentialError("KEY_INVALID", `Credential key id "${id}" is listed twice.`);
    keys.set(id, key);
  }
  const active = activeKeyId ?? keys.keys().next().value;
  if (active === undefined || !keys.has(active)) {
    throw new CredentialError(
      "KEY_UNKNOWN",
      `The active credential key "${active ?? ""}" is not among OPEN_TRADE_CREDENTIAL_KEYS.`,
    );
  }
  return { activeKeyId: active, keys };
}

function normaliseBase64(text: string): string {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  return padded + "=".repeat((4 - (padded.length % 4)) % 4);
}
