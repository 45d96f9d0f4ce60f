import { z } from "zod";

const decimalString = z.string().regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/, "a decimal string");

/** The parts of OpenRouter's `GET /api/v1/models` answer this package relies on; the rest passes through. */
export const openRouterModelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  context_length: z.number().int().nonnegative().nullish(),
  pricing: z.object({
    prompt: decimalString,
    completion: decimalString,
    request: decimalString.optional(),
  }),
  top_provider: z
    .object({ max_completion_tokens: z.number().int().positive().nullish() })
    .partial()
    .nullish(),
});

export const openRouterModelListSchema = z.object({ data: z.array(z.unknown()) });

export type OpenRouterModel = z.infer<typeof openRouterModelSchema>;
