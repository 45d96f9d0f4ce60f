import type { ConfigIssue } from "./config-issue.ts";

/**
 * Small readers used by the bot-config validator. Each returns the parsed value or pushes one issue and
 * returns undefined, so the validator can keep going and report every bad field at once.
 */
export type Issues = ConfigIssue[];

export function readString(
  issues: Issues,
  field: string,
  value: unknown,
  maxLength: number,
): string | undefined {
  if (typeof value !== "string" || value.trim() === "") {
    issues.push({
      field,
      code: value === undefined ? "REQUIRED" : "NOT_A_STRING",
      message: `Enter a ${field}.`,
    });
    return undefined;
  }
  if (value.length > maxLength) {
    issues.push({ field, code: "TOO_LONG", message: `Shorten ${field} to at most ${maxLength} characters.` });
    return undefined;
  }
  return value;
}

export function readOneOf<T extends string>(
  issues: Issues,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  issues.push({ field, code: "NOT_ONE_OF", message: `Choose ${field} from: ${allowed.join(", ")}.` });
  return undefined;
}

export function readCategories(issues: Issues, field: string, value: unknown): readonly string[] | undefined {
  const ok =
    Array.isArray(value) &&
    value.length <= 50 &&
    value.every((c) => typeof c === "string" && c.trim() !== "" && c.length <= 64);
  if (ok) return value as string[];
  const message = `Give ${field} as a list of at most 50 category names (each 1 to 64 characters).`;
  issues.push({ field, code: "NOT_A_LIST", message });
  return undefined;
}
