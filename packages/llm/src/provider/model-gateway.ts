import type { z } from "zod";

/** One request to a model; the schema shapes the provider's structured-output request. */
export interface ModelRequest {
  readonly modelId: string;
  readonly system: string;
  readonly prompt: string;
  readonly schema: z.ZodType;
  readonly maxOutputTokens: number;
  readonly timeoutMs: number;
}

export interface ModelReply {
  /** Raw model text; callers validate it, because a model's JSON is untrusted. */
  readonly text: string;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /** The provider's `usage.cost` exactly as written in the response body, or null when absent. */
  readonly reportedCostLiteral: string | null;
}

export type ModelFailure =
  | { readonly code: "RATE_LIMITED"; readonly retryAfterMs: number | null }
  | { readonly code: "SERVER_ERROR"; readonly status: number }
  | { readonly code: "TIMEOUT" }
  | { readonly code: "NETWORK" }
  /** 4xx other than 429: a bad key, an unknown model or a bad request; retrying will not help. */
  | { readonly code: "REJECTED"; readonly status: number };

export class ModelCallError extends Error {
  constructor(readonly failure: ModelFailure) {
    super(`Model call failed: ${failure.code}`);
    this.name = "ModelCallError";
  }
}

/** The port the rest of the package calls; `openrouter-gateway.ts` is the only implementation. */
export interface ModelGateway {
  /** Resolves with the reply, or rejects with a ModelCallError. */
  generate(request: ModelRequest): Promise<ModelReply>;
}
