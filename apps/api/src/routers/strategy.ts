import { randomUUID } from "node:crypto";
import { schema } from "@open-trade/db";
import {
  type BotLimits,
  compileRequest,
  compileStrategy,
  DECISION_SYSTEM,
  estimateJsonCall,
  estimateTokens,
  inMemoryRecipeCache,
  isRuleOnly,
  ReservationMeter,
} from "@open-trade/llm";
import { divCeil, formatUsd, percentToBps, TIER_RULES, type Usd, usd } from "@open-trade/risk-engine";
import { eq } from "drizzle-orm";
import { RateLimiter } from "../auth/rate-limiter.ts";
import { ApiError } from "../errors/api-error.ts";
import { compilePreviewInput } from "../inputs/index.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";
import { STRATEGY_TEMPLATES } from "./strategy-templates.ts";

const cache = inMemoryRecipeCache();
// A preview spends the operator's model key, so each user gets a handful per hour.
const previews = new RateLimiter(20, 60 * 60_000);
// A decision's prompt carries the recipe and a snapshot of ~10 candidate markets: about this many tokens on top
// of the system prompt, and the answer is capped at about this many.
const DECISION_SNAPSHOT_TOKENS = 2_500;
const DECISION_OUTPUT_TOKENS = 600;

export const strategyRouter = router({
  /** Rule-only starting points: they need no model key at all. */
  templates: publicProcedure.query(() => STRATEGY_TEMPLATES),

  /**
   * Strategy text + model -> the recipe the bot would run, its plain-language summary, what was capped to fit
   * the limits, and the estimated cost per decision at catalog prices. Nothing is saved.
   */
  compilePreview: authedProcedure.input(compilePreviewInput).mutation(async ({ ctx, input }) => {
    const model = ctx.deps.llm.model;
    if (!model) {
      throw new ApiError(
        "PRECONDITION",
        "Compiling a strategy needs a model key (OPENROUTER_API_KEY) on this server; or start from a template, which needs none.",
      );
    }
    const wait = previews.retryAfterSeconds(ctx.me.id);
    if (wait > 0)
      throw new ApiError("RATE_LIMITED", `Too many previews; try again in ${Math.ceil(wait / 60)} minutes.`);
    previews.hit(ctx.me.id);

    const [profile] = await ctx.tx
      .select()
      .from(schema.userRiskProfiles)
      .where(eq(schema.userRiskProfiles.userId, ctx.me.id));
    const l = input.limits;
    const limits: BotLimits = {
      maxPositionSizeUsd: usd(l.maxPositionSizeUsd ?? profile?.defaultPositionSizeUsd ?? "500"),
      maxDailyLossUsd: usd(l.maxDailyLossUsd ?? profile?.defaultDailyLossUsd ?? "100"),
      allowedCategories: (l.allowedCategories?.length
        ? l.allowedCategories
        : ["politics", "sports", "crypto"]
      ).map((c) => c.toLowerCase()),
      maxTradesPerDay: l.maxTradesPerDay ?? 10,
      maxConcurrentMarkets: l.maxConcurrentMarkets ?? 1,
      slippageBps: percentToBps(
        l.slippageThresholdPercent ?? profile?.defaultSlippageThresholdPercent ?? "2",
      ),
      minPollingMinutes: TIER_RULES[ctx.me.tier].minPollingMinutes,
      riskBudgetUsd: l.riskBudgetUsd ? usd(l.riskBudgetUsd) : null,
    };
    const request = { strategyPrompt: input.strategyPrompt, modelId: input.modelId, limits };
    const estimate = await estimateJsonCall(model.catalog, compileRequest(request));
    if (!estimate.ok)
      throw new ApiError(
        "INVALID_SETTINGS",
        `The model ${input.modelId} is not in the catalog with a price; choose another.`,
        { fieldErrors: { modelId: ["Choose a model from the catalog."] } },
      );
    const meter = new ReservationMeter(
      {
        id: randomUUID(),
        botId: "preview",
        amountUsd: estimate.usd,
        createdAtMs: ctx.deps.clock.now().getTime(),
      },
      ctx.me.id,
    );
    const compiled = await compileStrategy({ ...model, cache }, meter, request);
    if (!compiled.ok) {
      if (compiled.code === "MALFORMED_OUTPUT") {
        throw new ApiError(
          "UNAVAILABLE",
          "The model could not turn this strategy into rules; rephrase it or try another model.",
        );
      }
      throw new ApiError(
        "UNAVAILABLE",
        "The model is unavailable right now; try again in a minute or start from a template.",
      );
    }
    const entry = await model.catalog.find(input.modelId);
    const perDecision = entry?.pricing
      ? ((divCeil(
          BigInt(estimateTokens(DECISION_SYSTEM) + DECISION_SNAPSHOT_TOKENS) *
            entry.pricing.promptPerMillion +
            BigInt(DECISION_OUTPUT_TOKENS) * entry.pricing.completionPerMillion,
          1_000_000n,
        ) + entry.pricing.perRequest) as Usd)
      : null;
    return {
      recipe: compiled.recipe,
      summary: compiled.recipe.summary,
      ruleOnly: isRuleOnly(compiled.recipe),
      warnings: compiled.warnings,
      compileCostUsd: formatUsd(meter.spentUsd),
      estimatedCostPerDecisionUsd: perDecision === null ? null : formatUsd(perDecision),
    };
  }),
});
