export const CONFIG_ISSUE_CODES = [
  "REQUIRED",
  "NOT_A_STRING",
  "TOO_LONG",
  "NOT_A_DECIMAL_STRING",
  "OUT_OF_RANGE",
  "NOT_AN_INTEGER",
  "NOT_ONE_OF",
  "NOT_A_LIST",
  "POLLING_TOO_FREQUENT",
  "LIVE_NOT_ALLOWED_FOR_TIER",
  "TOO_MANY_BOTS",
  "ABOVE_TIER_MAXIMUM",
  "RECIPE_INVALID",
] as const;

export type ConfigIssueCode = (typeof CONFIG_ISSUE_CODES)[number];

/** One invalid field; `message` is for people (what is wrong and what to do), `code` for programs. */
export interface ConfigIssue {
  readonly field: string;
  readonly code: ConfigIssueCode;
  readonly message: string;
}
