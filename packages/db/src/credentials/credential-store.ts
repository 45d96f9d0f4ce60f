import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { sqlErrorInfo } from "../client/raw-sql.ts";
import type { Transaction } from "../client/with-user.ts";
import { apiCredentials } from "../schema/api-credentials.ts";
import { CredentialError } from "./credential-error.ts";
import { type CredentialColumn, openField, sealField } from "./envelope.ts";
import type { Keyring } from "./keyring.ts";

// Messages name the field, never echo the value.
const credentialsSchema = z
  .object({
    privateKey: z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{64}$/, "privateKey must be 64 hex characters (optionally 0x-prefixed)"),
    apiKey: z.string().min(1, "apiKey must not be empty").max(200, "apiKey is too long").optional(),
    apiSecret: z.string().min(1, "apiSecret must not be empty").max(500, "apiSecret is too long").optional(),
    passphrase: z
      .string()
      .min(1, "passphrase must not be empty")
      .max(500, "passphrase is too long")
      .optional(),
  })
  .refine(
    (c) =>
      [c.apiKey, c.apiSecret, c.passphrase].every((v) => v === undefined) ||
      [c.apiKey, c.apiSecret, c.passphrase].every((v) => v !== undefined),
    {
      message: "apiKey, apiSecret and passphrase go together: give all three or none",
    },
  );

export type PolymarketCredentials = z.infer<typeof credentialsSchema>;

const COLUMNS: Record<keyof PolymarketCredentials, CredentialColumn> = {
  privateKey: "private_key",
  apiKey: "api_key",
  apiSecret: "api_secret",
  passphrase: "passphrase",
};

/**
 * Seals and inserts a user's credentials. Under `withUser` (the API) RLS makes sure `userId` is the caller.
 * The row id is chosen here because each sealed value is bound to it.
 */
export async function storeCredentials(
  tx: Transaction,
  keyring: Keyring,
  userId: string,
  credentials: PolymarketCredentials,
): Promise<{ id: string }> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    throw new CredentialError(
      "PLAINTEXT_INVALID",
      parsed.error.issues.map((issue) => issue.message).join("; "),
    );
  }
  const id = randomUUID();
  const seal = (field: keyof PolymarketCredentials) => {
    const value = parsed.data[field];
    return value === undefined
      ? null
      : sealField(keyring, value, { rowId: id, userId, column: COLUMNS[field] });
  };
  const row = {
    id,
    userId,
    privateKey: seal("privateKey") as string,
    apiKey: seal("apiKey"),
    apiSecret: seal("apiSecret"),
    passphrase: seal("passphrase"),
  };
  try {
    await tx.insert(apiCredentials).values(row);
  } catch (error) {
    // Driver errors echo the query parameters; keep even the ciphertext out of anything that may be logged.
    const info = sqlErrorInfo(error) ?? sqlErrorInfo((error as { cause?: unknown }).cause);
    throw new CredentialError(
      "STORE_FAILED",
      `Could not store credentials${info ? ` (${info.code}${info.constraint ? ` ${info.constraint}` : ""})` : ""}.`,
    );
  }
  return { id };
}

export interface StoredCredentials extends PolymarketCredentials {
  readonly id: string;
  readonly userId: string;
}

/** Decrypts one row in memory. Only a service transaction can read the columns; keep the result short-lived. */
export async function loadCredentials(
  tx: Transaction,
  keyring: Keyring,
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
    sealed === null ? undefined : openField(keyring, sealed, { rowId: row.id, userId: row.userId, column });
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
