import type { z } from "zod";

export type ParsedJson<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: string[] };

/** Model output is untrusted text: parse it, strip a markdown fence some models add, validate strictly. */
export function parseModelJson<T>(text: string, schema: z.ZodType<T>): ParsedJson<T> {
  const unfenced = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return { ok: false, issues: ["The answer is not valid JSON."] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
  };
}
