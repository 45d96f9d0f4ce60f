import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { apiCredentials } from "../schema/api-credentials.ts";
import { COLUMNS, checkedCredentials, type L2Credentials, l2CredentialsSchema } from "./credential-fields.ts";
import { type CredentialSealer, sealCredential } from "./seal-credential.ts";
import { storeFailed } from "./store-credentials.ts";

/**
 * Keeps the L2 trio the exchange created or derived for a row that held only a private key, sealed like the
 * rest, so the next call skips the two key round trips. A row that already has a trio keeps it (the user's own
 * or another runner's); answers whether this call wrote it.
 */
export async function saveDerivedCredentials(
  tx: Transaction,
  sealer: CredentialSealer,
  row: { readonly id: string; readonly userId: string },
  credentials: L2Credentials,
): Promise<boolean> {
  const parsed = checkedCredentials(l2CredentialsSchema, credentials);
  const seal = (field: keyof L2Credentials) =>
    sealCredential(sealer, parsed[field], { rowId: row.id, userId: row.userId, column: COLUMNS[field] });
  try {
    const written = await tx
      .update(apiCredentials)
      .set({ apiKey: seal("apiKey"), apiSecret: seal("apiSecret"), passphrase: seal("passphrase") })
      .where(
        and(
          eq(apiCredentials.id, row.id),
          eq(apiCredentials.userId, row.userId),
          isNull(apiCredentials.apiKey),
        ),
      )
      .returning({ id: apiCredentials.id });
    return written.length === 1;
  } catch (error) {
    throw storeFailed(error);
  }
}
