import { z } from "zod";

/**
 * Gamma encodes `outcomes`, `outcomePrices` and `clobTokenIds` as JSON text inside a string
 * (`"[\"Yes\", \"No\"]"`); current payloads sometimes send real arrays, so both are accepted.
 */
export const jsonStringArray = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx): string[] => {
    if (Array.isArray(value)) return value;
    let decoded: unknown;
    try {
      decoded = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "not JSON text of an array of strings" });
      return z.NEVER;
    }
    if (!Array.isArray(decoded) || !decoded.every((item) => typeof item === "string")) {
      ctx.addIssue({ code: "custom", message: "JSON text is not an array of strings" });
      return z.NEVER;
    }
    return decoded;
  });
