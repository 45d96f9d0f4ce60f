import { eq } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { apiCredentials } from "../schema/api-credentials.ts";
import { CredentialError } from "./credential-error.ts";
import type { PolymarketCredentials } from "./credential-fields.ts";
import type { CredentialColumn } from "./field-context.ts";
import { type CredentialOpener, openCredential } from "./open-credential.ts";

export interface StoredCredentials extends PolymarketCredentials {
  readonly id: string;
  readonly userId: string;
}

/** Opens one row in memory. Only a service transaction can read the columns; keep the result short-lived. */
export async function loadCredentials(
  tx: Transaction,
  opener: CredentialOpener,
  id: string,
): Promise<StoredCredentials> {
  const [row] = await tx
    .select({
      id: apiCredentials.id,
      userId: apiCredentials.userId,
      privateKey: apiCredentials.privateKey,
      apiKey: apiCredentials.apiKey,
      apiSecret: apiCredentials.apiSecret,
      passphrase: apiCredentials.passphrase,
    })
    .from(apiCredentials)
    .where(eq(apiCredentials.id, id));
  if (!row) throw new CredentialError("CIPHERTEXT_MALFORMED", `No stored credentials with id ${id}.`);
  const open = (column: CredentialColumn, sealed: string | null) =>
    sealed === null
      ? undefined
      : openCredential(opener, sealed, { rowId: row.id, userId: row.userId, column });
  return {
    id: row.id,
    userId: row.userId,
    privateKey: open("private_key", row.privateKey) as string,
    ...optional("apiKey", open("api_key", row.apiKey)),
    ...optional("apiSecret", open("api_secret", row.apiSecret)),
    ...optional("passphrase", open("passphrase", row.passphrase)),
  };
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
