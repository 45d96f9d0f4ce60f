import type { z } from "zod";
import { PolymarketError } from "../polymarket-error.ts";

/**
 * Parses one wire payload; a mismatch becomes MALFORMED_RESPONSE naming the first bad field, so a changed
 * upstream shape is reported as such instead of flowing on as a wrong number.
 */
/** A union failure reports each branch; the branch that got furthest names the real culprit. */
function deepest(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): { path: PropertyKey[]; message: string } {
  let best = { path: prefix, message: issues[0]?.message ?? "invalid" };
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const candidate =
      issue.code === "invalid_union" && issue.errors.length > 0
        ? issue.errors
            .map((branch) => deepest(branch, path))
            .reduce((a, b) => (b.path.length > a.path.length ? b : a))
        : { path, message: issue.message };
    if (candidate.path.length > best.path.length) best = candidate;
  }
  return best;
}

export function parseWire<S extends z.ZodType>(schema: S, data: unknown, source: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = deepest(result.error.issues);
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
  throw new PolymarketError(
    "MALFORMED_RESPONSE",
    `${source} answered with an unexpected shape at field "${field}": ${issue.message}. ` +
      "The exchange API may have changed; check the package against the current Polymarket docs.",
    { field },
  );
}
