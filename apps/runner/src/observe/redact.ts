/**
 * Secret scrubbing for log output. Two nets, because either alone leaks: a field named `apiKey` may hold
 * anything, and a secret may arrive inside prose (an exchange error echoing a header, a stack trace).
 */
export const REDACTED = "[REDACTED]";

// Field names are compared with case, `_` and `-` removed, so `api_key`, `apiKey` and `API-KEY` all match.
const SECRET_KEY_PARTS = [
  "secret",
  "passphrase",
  "password",
  "passwd",
  "privatekey",
  "apikey",
  "authorization",
  "cookie",
  "accesstoken",
  "refreshtoken",
  "authtoken",
  "bearer",
  "credentialkey",
  "keyring",
  "mnemonic",
  "seedphrase",
  "ciphertext",
  "envelope",
];
const SECRET_KEY_EXACT = new Set(["key", "keys", "token", "auth", "jwt", "pk", "sk"]);

// A 32-byte hex value is what a wallet private key looks like; order and condition ids look the same, so a
// field whose name says it is such an id keeps a value that is exactly that shape (and nothing else).
const IDENTIFIER_KEY = /(order|condition|market|question|tx|transaction|request)(id|hash)$/;
const HEX_32_BYTES_EXACT = /^0x[0-9a-fA-F]{64}$/;

// No leading \b: a secret glued to other text ("key0x4c08…") must still be caught.
const VALUE_PATTERNS: readonly RegExp[] = [
  /otc1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+/g, // credential envelopes (packages/db)
  /\bBearer\s+[^\s"',;]+/gi,
  /\bBasic\s+[A-Za-z0-9+/=]{8,}/g,
  /eyJ[\w-]+\.[\w-]+\.[\w-]*/g, // JWTs
  /sk-(?:or-)?(?:v\d+-)?[A-Za-z0-9]{20,}/g, // OpenRouter/OpenAI style keys
  /(?:0x)?[0-9a-fA-F]{64,}/g, // private keys, hex passphrases
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  // base64 secrets (Polymarket L2 API secret): long, and mixing digits with upper and lower case letters
  /(?=[\w+/-]*\d)(?=[\w+/-]*[A-Z])(?=[\w+/-]*[a-z])[A-Za-z0-9+/_-]{32,}={0,2}/g,
  // `secret=...`, `"passphrase": "..."`, `key: ...` written inside prose
  /\b(api[_-]?key|secret|passphrase|password|private[_-]?key|token)(["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi,
];

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, "");
  return SECRET_KEY_EXACT.has(k) || SECRET_KEY_PARTS.some((part) => k.includes(part));
}

export interface Redactor {
  /** Scrubs a free-text value: known secret values first, then every secret-shaped pattern. */
  text(value: string, key?: string): string;
}

export function createRedactor(knownSecrets: readonly string[] = []): Redactor {
  // Longest first so a secret that contains another is removed whole; very short values would shred prose.
  const known = [...new Set(knownSecrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return {
    text(value, key) {
      if (key !== undefined && IDENTIFIER_KEY.test(key.toLowerCase()) && HEX_32_BYTES_EXACT.test(value)) {
        return value;
      }
      let out = value;
      for (const secret of known) out = out.split(secret).join(REDACTED);
      for (const pattern of VALUE_PATTERNS) {
        out = out.replace(pattern, (match, name: unknown, sep: unknown) =>
          typeof name === "string" && typeof sep === "string" && !match.startsWith("0x")
            ? `${name}${sep}${REDACTED}`
            : REDACTED,
        );
      }
      return out;
    },
  };
}
