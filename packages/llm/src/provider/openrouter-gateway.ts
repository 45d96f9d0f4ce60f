import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { APICallError, generateText, NoObjectGeneratedError, Output } from "ai";
import { ModelCallError, type ModelFailure, type ModelGateway, type ModelReply } from "./model-gateway.ts";
import { parseRetryAfterMs } from "./retry-after.ts";
import { extractUsageCostLiteral } from "./usage-cost-literal.ts";

export interface OpenRouterConfig {
  readonly baseURL: string;
  readonly apiKey: string;
  readonly appName?: string;
}

/**
 * The one file that imports the AI SDK and the OpenRouter provider. Retries are disabled here because
 * `reliability/` owns them (with injected clock and jitter). The raw response body is kept so the
 * provider's `usage.cost` can be read exactly as written rather than through a JS number.
 */
export function createOpenRouterGateway(config: OpenRouterConfig): ModelGateway {
  return {
    async generate(request) {
      let rawBody = "";
      const provider = createOpenRouter({
        baseURL: config.baseURL,
        apiKey: config.apiKey,
        compatibility: "strict",
        ...(config.appName ? { appName: config.appName } : {}),
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (response.ok) rawBody = await response.clone().text();
          return response;
        },
      });
      const signal = AbortSignal.timeout(request.timeoutMs);
      const reply = (
        text: string,
        usage: { inputTokens?: number; outputTokens?: number } | undefined,
      ): ModelReply => ({
        text,
        inputTokens: usage?.inputTokens ?? null,
        outputTokens: usage?.outputTokens ?? null,
        reportedCostLiteral: extractUsageCostLiteral(rawBody),
      });
      try {
        const result = await generateText({
          model: provider.chat(request.modelId, { usage: { include: true } }),
          system: request.system,
          prompt: request.prompt,
          output: Output.object({ schema: request.schema }),
          maxOutputTokens: request.maxOutputTokens,
          temperature: 0,
          maxRetries: 0,
          abortSignal: signal,
        });
        return reply(result.text, result.usage);
      } catch (error) {
        // Malformed or off-schema output still cost tokens; hand it back so the caller can repair and bill it.
        if (NoObjectGeneratedError.isInstance(error)) return reply(error.text ?? "", error.usage);
        throw new ModelCallError(classify(error, signal));
      }
    },
  };
}

function classify(error: unknown, signal: AbortSignal): ModelFailure {
  if (signal.aborted) return { code: "TIMEOUT" };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) return { code: "NETWORK" };
    if (status === 429)
      return { code: "RATE_LIMITED", retryAfterMs: parseRetryAfterMs(error.responseHeaders) };
    if (status >= 500) return { code: "SERVER_ERROR", status };
    if (status === 408) return { code: "TIMEOUT" };
    return { code: "REJECTED", status };
  }
  return { code: "NETWORK" };
}
