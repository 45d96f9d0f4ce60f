import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "./connect.ts";

/** A transaction handle: everything run through it happens inside the scoped transaction. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Verified JWT claims (the API verifies the token; this only shapes it). `service_role` is never accepted here. */
export const userClaimsSchema = z.looseObject({
  sub: z.uuid("claims.sub must be the user's uuid"),
  role: z.literal("authenticated"),
});
export type UserClaims = z.infer<typeof userClaimsSchema>;

/**
 * Runs `fn` in one transaction as the `authenticated` role with `request.jwt.claims` set, so every query in it is
 * filtered by row level security exactly as on Supabase. `null` claims run as `anon`. Role and claims are bound
 * parameters (never spliced into SQL) and end with the transaction, so a pooled connection carries nothing over.
 */
export async function withUser<T>(
  db: Database,
  claims: UserClaims | null,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const role = claims === null ? "anon" : "authenticated";
  const payload = claims === null ? "{}" : JSON.stringify(parseClaims(claims));
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${payload}, true)`,
    );
    return fn(tx);
  });
}

function parseClaims(claims: UserClaims): UserClaims {
  const parsed = userClaimsSchema.safeParse(claims);
  if (!parsed.success) {
    throw new Error(
      `Refusing to open a user transaction: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  return parsed.data;
}
