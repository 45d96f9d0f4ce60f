import type { RawSql } from "../client/raw-sql.ts";

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

const ROLLBACK = Symbol("rollback");

/** Runs `fn` in a transaction that is always rolled back, and reports what it returned or threw. */
export async function rolledBack<T>(raw: RawSql, fn: (tx: RawSql) => Promise<T>): Promise<Outcome<T>> {
  let outcome: Outcome<T> | undefined;
  try {
    await raw.transaction(async (tx) => {
      try {
        outcome = { ok: true, value: await fn(tx) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (!outcome) throw new Error("rolledBack: the transaction ended before the test step ran");
  return outcome;
}

export type Actor = "anon" | "owner" | "stranger" | "service";

/** Switches the transaction to an API role with the claims PostgREST would set. */
export async function actAs(
  tx: RawSql,
  actor: Actor,
  ids: { owner: string; stranger: string },
): Promise<void> {
  const role = actor === "anon" ? "anon" : actor === "service" ? "service_role" : "authenticated";
  const claims =
    actor === "owner" || actor === "stranger"
      ? { sub: ids[actor], role: "authenticated" }
      : { role: actor === "service" ? "service_role" : "anon" };
  await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
    role,
    JSON.stringify(claims),
  ]);
}
