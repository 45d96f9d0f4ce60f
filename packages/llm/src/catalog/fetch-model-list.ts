import { openRouterModelListSchema } from "./catalog-schema.ts";

/**
 * Loads OpenRouter's public model list. Plain HTTP, not the AI SDK: the list is not a model call.
 * The key is sent only as a bearer header and never appears in an error.
 */
export async function fetchModelList(
  config: { readonly baseURL: string; readonly apiKey?: string | undefined },
  timeoutMs = 10_000,
): Promise<unknown[]> {
  const response = await fetch(`${config.baseURL.replace(/\/$/, "")}/models`, {
    headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    throw new Error(
      `The model list answered HTTP ${response.status}; check OPENROUTER_BASE_URL and try again later.`,
    );
  }
  const parsed = openRouterModelListSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error("The model list is not in OpenRouter's { data: [...] } shape.");
  return parsed.data.data;
}
