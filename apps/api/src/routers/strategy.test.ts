import { isRuleOnly, recipeSchema } from "@open-trade/llm";
import { answer } from "@open-trade/llm/stand-in";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import compileCases from "../../../../packages/llm/src/fixtures/compile-cases.json" with { type: "json" };
import { PLANTED, type Session, startTestApi, type TestApi } from "../testing/test-api.ts";
import { STRATEGY_TEMPLATES } from "./strategy-templates.ts";

const MODEL = "openai/gpt-4o-mini";
let t: TestApi;
let trader: Session;
beforeAll(async () => {
  t = await startTestApi();
  trader = await t.signUp("pro");
});
afterAll(async () => {
  await t?.close();
});

describe("strategy", () => {
  it("when templates are listed then each is a valid rule-only recipe that needs no model", async () => {
    const res = await t.call("strategy.templates");
    const templates = res.body.result?.data as typeof STRATEGY_TEMPLATES;
    expect(templates.map((x) => x.id)).toEqual(STRATEGY_TEMPLATES.map((x) => x.id));
    for (const template of templates) {
      expect(recipeSchema.parse(template.recipe)).toEqual(template.recipe);
      expect(isRuleOnly(template.recipe)).toBe(true);
      expect(template.modelId).toBe("local/rules");
    }
  });

  it("when a strategy is compiled then the preview has the recipe, its summary, warnings and exact costs", async () => {
    const example = compileCases.cases[0];
    if (!example) throw new Error("no compile case");
    t.model.script(MODEL, answer(example.answer, { promptTokens: 1000, completionTokens: 200 }));
    const res = await t.call(
      "strategy.compilePreview",
      {
        strategyPrompt: example.prompt,
        modelId: MODEL,
        limits: { allowedCategories: ["politics", "crypto"] },
      },
      trader.accessToken,
      "mutation",
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const preview = res.body.result?.data as {
      summary: string;
      recipe: unknown;
      warnings: unknown[];
      compileCostUsd: string;
      estimatedCostPerDecisionUsd: string;
    };
    expect(recipeSchema.safeParse(preview.recipe).success).toBe(true);
    expect(preview.summary.length).toBeGreaterThan(0);
    expect(Array.isArray(preview.warnings)).toBe(true);
    expect(preview.compileCostUsd).toMatch(/^\d+(\.\d{1,6})?$/);
    expect(preview.estimatedCostPerDecisionUsd).toMatch(/^0\.\d{1,6}$/);
    expect(t.model.requests.at(-1)?.authorization).toBe(`Bearer ${PLANTED.modelKey}`);
    expect(t.captured.join("\n")).not.toContain(PLANTED.modelKey);
  });

  it("when the model is not in the catalog then the model field is named", async () => {
    const res = await t.call(
      "strategy.compilePreview",
      { strategyPrompt: "Buy cheap YES.", modelId: "nobody/unknown-model" },
      trader.accessToken,
      "mutation",
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.data.fieldErrors ?? {})).toEqual(["modelId"]);
  });
});
