import { asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../client/connect.ts";
import { asService } from "../client/service.ts";
import { apiCredentials } from "../schema/api-credentials.ts";
import { CredentialError, type CredentialErrorCode } from "./credential-error.ts";
import type { CredentialColumn, FieldContext } from "./field-context.ts";
import type { LegacyKeyring } from "./keyring.ts";
import { openLegacyField } from "./legacy-envelope.ts";
import { type CredentialOpener, openCredential } from "./open-credential.ts";
import { sealCredential } from "./seal-credential.ts";

export interface RotationReport {
  readonly examined: number;
  readonly rotated: number;
  /** Rows that do not open with any loaded key (never a value, only the row and why). Left untouched. */
  readonly unreadable: readonly { readonly id: string; readonly code: CredentialErrorCode }[];
  /** Rows still sealed under another key after the pass (unreadable ones, or rows written meanwhile). */
  readonly remaining: number;
}

const COLUMNS = [
  "api_key",
  "api_secret",
  "passphrase",
  "private_key",
] as const satisfies readonly CredentialColumn[];
type SealedRow = { id: string; userId: string } & Record<CredentialColumn, string | null>;

/** What rotation reads old values with: the runners' private keys, and the old symmetric keys for otc1 rows. */
export interface RotationKeys {
  readonly opener: CredentialOpener;
  readonly legacy?: LegacyKeyring;
}

/**
 * Re-seals every stored credential for the opener's active (first) key: old otc1 values and otc2 values for an
 * older key. Each batch is one transaction holding its rows locked: a value is opened with its old key,
 * re-sealed, checked to open again to the same value with the private key, then written. Any failure rolls the
 * batch back, so no row is ever left unreadable; rerunning continues where it stopped.
 */
export async function rotateCredentials(
  db: Database,
  keys: RotationKeys,
  batchSize = 100,
): Promise<RotationReport> {
  let examined = 0;
  let rotated = 0;
  const unreadable: { id: string; code: CredentialErrorCode }[] = [];
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await asService(db, async (tx) => {
      const rows: SealedRow[] = await tx
        .select({
          id: apiCredentials.id,
          userId: apiCredentials.userId,
          api_key: apiCredentials.apiKey,
          api_secret: apiCredentials.apiSecret,
          passphrase: apiCredentials.passphrase,
          private_key: apiCredentials.privateKey,
        })
        .from(apiCredentials)
        .where(gt(apiCredentials.id, after))
        .orderBy(asc(apiCredentials.id))
        .limit(batchSize)
        .for("update");
      let changed = 0;
      const skipped: { id: string; code: CredentialErrorCode }[] = [];
      for (const row of rows) {
        // One bad row (a forged envelope, a key already dropped) must not stop everyone else's rotation.
        let resealed: ReturnType<typeof resealRow>;
        try {
          resealed = resealRow(keys, row);
        } catch (error) {
          if (!(error instanceof CredentialError)) throw error;
          skipped.push({ id: row.id, code: error.code });
          continue;
        }
        if (!resealed) continue;
        await tx
          .update(apiCredentials)
          .set({
            apiKey: resealed.api_key,
            apiSecret: resealed.api_secret,
            passphrase: resealed.passphrase,
            privateKey: resealed.private_key as string,
          })
          .where(eq(apiCredentials.id, row.id));
        changed += 1;
      }
      return { rows, changed, skipped };
    });
    examined += batch.rows.length;
    rotated += batch.changed;
    unreadable.push(...batch.skipped);
    const last = batch.rows.at(-1);
    if (!last || batch.rows.length < batchSize) break;
    after = last.id;
  }
  return { examined, rotated, unreadable, remaining: await countNotUnder(db, keys.opener.active.keyId) };
}

/** Proof for the operator that the old key can go: rows with any value sealed under another key. */
async function countNotUnder(db: Database, keyId: string): Promise<number> {
  const notUnder = (column: string) =>
    sql.raw(`coalesce(split_part(${column}, '.', 1) <> 'otc2' or split_part(${column}, '.', 2) <> `);
  const [row] = await asService(db, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(apiCredentials)
      .where(
        sql`${notUnder("private_key")}${keyId}, false) or ${notUnder("api_key")}${keyId}, false)
          or ${notUnder("api_secret")}${keyId}, false) or ${notUnder("passphrase")}${keyId}, false)`,
      ),
  );
  return row?.n ?? 0;
}

function resealRow(keys: RotationKeys, row: SealedRow): Record<CredentialColumn, string | null> | null {
  const target = keys.opener.active;
  const current = COLUMNS.every(
    (column) => row[column] === null || row[column].startsWith(`otc2.${target.keyId}.`),
  );
  if (current) return null;
  const result = {} as Record<CredentialColumn, string | null>;
  for (const column of COLUMNS) {
    const sealed = row[column];
    if (sealed === null) {
      result[column] = null;
      continue;
    }
    const ctx = { rowId: row.id, userId: row.userId, column };
    const plaintext = openOld(keys, sealed, ctx);
    const next = sealCredential(target, plaintext, ctx);
    if (openCredential(keys.opener, next, ctx) !== plaintext) {
      throw new Error(
        `Rotation self-check failed for credential ${row.id} (${column}); nothing was written.`,
      );
    }
    result[column] = next;
  }
  return result;
}

function openOld(keys: RotationKeys, sealed: string, ctx: FieldContext): string {
  if (!sealed.startsWith("otc1.")) return openCredential(keys.opener, sealed, ctx);
  if (!keys.legacy) {
    throw new CredentialError(
      "KEY_UNKNOWN",
      `Credential ${ctx.rowId} (${ctx.column}) is in the old otc1 format; set OPEN_TRADE_CREDENTIAL_KEYS to rotate it.`,
    );
  }
  return openLegacyField(keys.legacy, sealed, ctx);
}
