import { createRedactor, isSecretKey, REDACTED, type Redactor } from "./redact.ts";

const MAX_DEPTH = 8;

/**
 * Turns any value into plain JSON with secrets removed: secret-named fields are dropped to a marker,
 * strings are scrubbed, errors keep name/code/message/stack/cause (scrubbed), bigints become strings and
 * cycles are cut, so JSON.stringify can never throw or leak.
 */
export function toLoggable(value: unknown, redactor: Redactor = createRedactor()): unknown {
  return walk(value, redactor, new WeakSet(), 0, undefined);
}

function walk(
  value: unknown,
  r: Redactor,
  seen: WeakSet<object>,
  depth: number,
  key: string | undefined,
): unknown {
  if (typeof value === "string") return r.text(value, key);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value === null || typeof value === "boolean") return value;
  if (typeof value !== "object") return value === undefined ? null : `[${typeof value}]`;
  if (seen.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Truncated]";
  seen.add(value);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    if (value instanceof Error) return walkError(value, r, seen, depth);
    if (Array.isArray(value)) return value.map((item) => walk(item, r, seen, depth + 1, key));
    if (value instanceof Map)
      return walkEntries(
        [...value.entries()].map(([k, v]) => [String(k), v]),
        r,
        seen,
        depth,
      );
    if (value instanceof Headers) return walkEntries([...value.entries()], r, seen, depth);
    return walkEntries(Object.entries(value), r, seen, depth);
  } finally {
    seen.delete(value);
  }
}

function walkEntries(
  entries: readonly (readonly [string, unknown])[],
  r: Redactor,
  seen: WeakSet<object>,
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    out[r.text(k)] = isSecretKey(k) ? REDACTED : walk(v, r, seen, depth + 1, k);
  }
  return out;
}

function walkError(error: Error, r: Redactor, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const extra = Object.entries(error).filter(([k]) => !["name", "message", "stack", "cause"].includes(k));
  const out: Record<string, unknown> = { name: error.name, message: r.text(error.message) };
  Object.assign(out, walkEntries(extra, r, seen, depth));
  if (error.stack !== undefined) out.stack = r.text(error.stack);
  if (error.cause !== undefined) out.cause = walk(error.cause, r, seen, depth + 1, "cause");
  return out;
}
