import { randomUUID } from "node:crypto";
import { sqlErrorInfo } from "../client/raw-sql.ts";
import type { Transaction } from "../client/with-user.ts";
import { apiCredentials } from "../schema/api-credentials.ts";
import { CredentialError } from "./credential-error.ts";
import {
  COLUMNS,
  checkedCredentials,
  credentialsSchema,
  type PolymarketCredentials,
} from "./credential-fields.ts";
import { type CredentialSealer, sealCredential } from "./seal-credential.ts";

/**
 * Seals and inserts a user's credentials with the runners' public key: this side can never read them back.
 * Under `withUser` (the API) RLS makes sure `userId` is the caller. The row id is chosen here because each
 * sealed value is bound to it.
 */
export async function storeCredentials(
  tx: Transaction,
  sealer: CredentialSealer,
  userId: string,
  credentials: PolymarketCredentials,
  /** The private key's address, shown to its owner later (derived by the caller, which holds the key now). */
  walletAddress?: string,
): Promise<{ id: string }> {
  const parsed = checkedCredentials(credentialsSchema, credentials);
  const id = randomUUID();
  const seal = (field: keyof PolymarketCredentials) => {
    const value = parsed[field];
    return value === undefined
      ? null
      : sealCredential(sealer, value, { rowId: id, userId, column: COLUMNS[field] });
  };
  const row = {
    id,
    userId,
    privateKey: seal("privateKey") as string,
    apiKey: seal("apiKey"),
    apiSecret: seal("apiSecret"),
    passphrase: seal("passphrase"),
    walletAddress: walletAddress ?? null,
  };
  try {
    await tx.insert(apiCredentials).values(row);
  } catch (error) {
    throw storeFailed(error);
  }
  return { id };
}

/** Driver errors echo the query parameters; keep even the ciphertext out of anything that may be logged. */
export function storeFailed(error: unknown): CredentialError {
  const info = sqlErrorInfo(error) ?? sqlErrorInfo((error as { cause?: unknown }).cause);
  return new CredentialError(
    "STORE_FAILED",
    `Could not store credentials${info ? ` (${info.code}${info.constraint ? ` ${info.constraint}` : ""})` : ""}.`,
  );
}
