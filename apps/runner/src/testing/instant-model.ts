import { CircuitBreakers, type Llm, ModelCallError, ModelCatalog, type ModelReply } from "@open-trade/llm";

export const TEST_MODEL = "test/instant-model";

/**
 * An OpenRouter-priced model whose gateway answers at once with `answer()` (or after `delayMs`), or fails
 * while `down` is set.
 */
export function instantModel(
  answer: () => unknown,
  options: { readonly delayMs?: number } = {},
): {
  llm: Llm;
  setDown(down: boolean): void;
  calls(): number;
} {
  let down = false;
  let calls = 0;
  const clock = { nowMs: Date.now, sleep: async () => {} };
  const catalog = new ModelCatalog({
    load: async () => [
      {
        id: TEST_MODEL,
        name: "Instant",
        context_length: 128_000,
        pricing: { prompt: "0.00000015", completion: "0.0000006" },
      },
    ],
    clock,
  });
  const gateway = {
    async generate(): Promise<ModelReply> {
      calls += 1;
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (down) throw new ModelCallError({ code: "SERVER_ERROR", status: 503 });
      return {
        text: JSON.stringify(answer()),
        inputTokens: 1200,
        outputTokens: 80,
        reportedCostLiteral: null,
      };
    },
  };
  return {
    llm: {
      catalog,
      model: { gateway, clock, random: { next: () => 0.5 }, breakers: new CircuitBreakers(), catalog },
    },
    setDown: (value) => {
      down = value;
    },
    calls: () => calls,
  };
}
