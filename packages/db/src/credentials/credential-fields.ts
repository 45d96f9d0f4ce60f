import { z } from "zod";
import { CredentialError } from "./credential-error.ts";
import type { CredentialColumn } from "./field-context.ts";

const l2 = {
  apiKey: z.string().min(1, "apiKey must not be empty").max(200, "apiKey is too long"),
  apiSecret: z.string().min(1, "apiSecret must not be empty").max(500, "apiSecret is too long"),
  passphrase: z.string().min(1, "passphrase must not be empty").max(500, "passphrase is too long"),
};

// Messages name the field, never echo the value.
export const credentialsSchema = z
  .object({
    privateKey: z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{64}$/, "privateKey must be 64 hex characters (optionally 0x-prefixed)"),
    apiKey: l2.apiKey.optional(),
    apiSecret: l2.apiSecret.optional(),
    passphrase: l2.passphrase.optional(),
  })
  .refine(
    (c) =>
      [c.apiKey, c.apiSecret, c.passphrase].every((v) => v === undefined) ||
      [c.apiKey, c.apiSecret, c.passphrase].every((v) => v !== undefined),
    {
      message: "apiKey, apiSecret and passphrase go together: give all three or none",
    },
  );

export const l2CredentialsSchema = z.object(l2);

export type PolymarketCredentials = z.infer<typeof credentialsSchema>;
export type L2Credentials = z.infer<typeof l2CredentialsSchema>;

export const COLUMNS: Record<keyof PolymarketCredentials, CredentialColumn> = {
  privateKey: "private_key",
  apiKey: "api_key",
  apiSecret: "api_secret",
  passphrase: "passphrase",
};

/** Parses with `schema` or throws PLAINTEXT_INVALID naming each bad field (never its value). */
export function checkedCredentials<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new CredentialError(
      "PLAINTEXT_INVALID",
      parsed.error.issues.map((issue) => issue.message).join("; "),
    );
  }
  return parsed.data;
}
