export type CredentialErrorCode =
  | "KEY_MISSING"
  | "KEY_INVALID"
  | "KEY_UNKNOWN"
  | "PLAINTEXT_INVALID"
  | "CIPHERTEXT_MALFORMED"
  | "DECRYPT_FAILED"
  | "STORE_FAILED";

/** Never carries a secret: messages name the problem, the key id or the row, not a value. */
export class CredentialError extends Error {
  readonly code: CredentialErrorCode;

  constructor(code: CredentialErrorCode, message: string) {
    super(message);
    this.name = "CredentialError";
    this.code = code;
  }
}
