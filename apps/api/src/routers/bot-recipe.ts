import { type Recipe, recipeSchema } from "@open-trade/llm";
import { ApiError } from "../errors/api-error.ts";
import { STRATEGY_TEMPLATES } from "./strategy-templates.ts";

/**
 * The recipe a bot will run: a template's (by id) or the one the compile preview showed the trader, checked
 * by the recipe schema the runner reads it with. Undefined when neither is given (the bot keeps its recipe).
 */
export function chosenRecipe(input: { templateId?: string; recipe?: unknown }): Recipe | undefined {
  if (input.templateId !== undefined) {
    const template = STRATEGY_TEMPLATES.find((t) => t.id === input.templateId);
    if (!template) {
      throw new ApiError("INVALID_SETTINGS", "Pick one of the listed templates.", {
        fieldErrors: { templateId: ["There is no template with this id."] },
      });
    }
    return template.recipe;
  }
  if (input.recipe === undefined) return undefined;
  const parsed = recipeSchema.safeParse(input.recipe);
  if (!parsed.success) {
    throw new ApiError("INVALID_SETTINGS", "The recipe is not one this version can run; preview it again.", {
      fieldErrors: {
        recipe: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "recipe"}: ${i.message}`),
      },
    });
  }
  return parsed.data;
}
