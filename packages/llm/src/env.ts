import { z } from "zod";
import { endpointUrlSchema } from "./endpoint-url.ts";

const envSchema = z.object({
  OPENROUTER_API_KEY: z.string().trim().min(1).optional(),
  OPENROUTER_BASE_URL: endpointUrlSchema.default("https://openrouter.ai/api/v1"),
});

// Advice only, never the value: a misplaced key must not end up in a log.
const ADVICE: Record<string, string> = {
  OPENROUTER_API_KEY:
    "OPENROUTER_API_KEY is set but empty; unset it or paste the key from openrouter.ai/keys",
  OPENROUTER_BASE_URL:
    "OPENROUTER_BASE_URL must be an https URL such as https://openrouter.ai/api/v1 (plain http only to 127.0.0.1 or localhost), with no user or password in it",
};

export interface LlmEnv {
  /** Absent means only rule-only (`local/rules`) recipes can decide. */
  readonly apiKey: string | undefined;
  readonly baseURL: string;
}

/** The only place this package reads process.env. */
export function readLlmEnv(source: NodeJS.ProcessEnv = process.env): LlmEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const advice = parsed.error.issues.map((issue) => ADVICE[String(issue.path[0])] ?? String(issue.path[0]));
    throw new Error(`Invalid LLM configuration: ${[...new Set(advice)].join("; ")}.`);
  }
  return { apiKey: parsed.data.OPENROUTER_API_KEY, baseURL: parsed.data.OPENROUTER_BASE_URL };
}
