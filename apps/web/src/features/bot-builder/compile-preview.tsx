import { Button } from "@open-trade/ui/button";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { formatUsd } from "../../lib/money.ts";
import { type BotFormValues, toSettings } from "./form-issues.ts";

/** Compiles the strategy without saving: the recipe in plain words, warnings, and cost per decision. */
export function CompilePreview({
  values,
  onCompiled,
}: {
  values: BotFormValues;
  /** The recipe the trader just saw: saving the bot stores exactly this one. */
  onCompiled: (recipe: Record<string, unknown>) => void;
}) {
  const trpc = useTRPC();
  const preview = useMutation(
    trpc.strategy.compilePreview.mutationOptions({ onSuccess: (data) => onCompiled(data.recipe) }),
  );
  const run = () => {
    const s = toSettings(values);
    preview.mutate({
      strategyPrompt: s.strategyPrompt,
      modelId: s.modelId,
      limits: {
        maxDailyLossUsd: s.maxDailyLossUsd,
        maxPositionSizeUsd: s.maxPositionSizeUsd,
        riskBudgetUsd: s.riskBudgetUsd,
        slippageThresholdPercent: s.slippageThresholdPercent,
      },
    });
  };
  return (
    <section aria-labelledby="preview-title" className="flex flex-col gap-2 rounded-md border p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="preview-title" className="text-sm font-semibold">
          Compile preview
        </h3>
        <Button type="button" variant="outline" size="sm" onClick={run} disabled={preview.isPending}>
          {preview.isPending ? "Compiling…" : "Preview the recipe"}
        </Button>
      </div>
      <div aria-live="polite" className="text-sm">
        {preview.isError ? <p className="text-destructive">{preview.error.message}</p> : null}
        {preview.data ? (
          <div className="flex flex-col gap-1">
            <p>{preview.data.summary}</p>
            <p className="text-muted-foreground tabular-nums">
              {preview.data.ruleOnly
                ? "Rule-only: no model call while trading."
                : preview.data.estimatedCostPerDecisionUsd
                  ? `About ${formatUsd(preview.data.estimatedCostPerDecisionUsd, { decimals: 4 })} per decision.`
                  : "Cost per decision unknown for this model."}{" "}
              Compiling cost {formatUsd(preview.data.compileCostUsd, { decimals: 4 })}.
            </p>
            {preview.data.warnings.length ? (
              <ul className="list-disc pl-5 text-warning">
                {preview.data.warnings.map((w) => (
                  <li key={String(w)}>{String(w)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
