import { z } from "zod";

const envSchema = z.object({
  OPENROUTER_API_KEY: z.string().trim().min(1).optional(),
  OPENROUTER_BASE_URL: z.url().default("https://openrouter.ai/api/v1"),
});

export interface LlmEnv {
  /** Absent means only rule-only (`local/rules`) recipes can decide. */
  readonly apiKey: string | undefined;
  readonly baseURL: string;
}

/** The only place this package reads process.env. */
export function readLlmEnv(source: NodeJS.ProcessEnv = process.env): LlmEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Invalid LLM configuration in ${fields}: set OPENROUTER_BASE_URL to an http(s) URL.`);
  }
  return { apiKey: parsed.data.OPENROUTER_API_KEY, baseURL: parsed.data.OPENROUTER_BASE_URL };
}
