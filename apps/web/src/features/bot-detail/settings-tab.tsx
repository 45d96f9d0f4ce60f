import type { Tier } from "@open-trade/risk-engine";
import { toast } from "@open-trade/ui/toaster";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { BotForm } from "../bot-builder/bot-form.tsx";
import type { BotFormValues } from "../bot-builder/form-issues.ts";
import { serverIssues } from "../bot-builder/server-issues.ts";
import { GoLive } from "./go-live.tsx";

type Settings = Record<string, unknown> & { name: string; riskBudgetType: "individual" | "shared" };

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** A saved bot's settings as the builder's text fields. */
export function formValuesOf(s: Settings): BotFormValues {
  return {
    name: s.name,
    strategyPrompt: text(s.strategyPrompt),
    modelId: text(s.modelId),
    allowedCategories: Array.isArray(s.allowedCategories) ? s.allowedCategories.join(", ") : "",
    maxPositionSizeUsd: text(s.maxPositionSizeUsd),
    maxDailyLossUsd: text(s.maxDailyLossUsd),
    riskBudgetUsd: text(s.riskBudgetUsd),
    riskBudgetType: s.riskBudgetType,
    slippageThresholdPercent: text(s.slippageThresholdPercent),
    maxTradesPerDay: text(s.maxTradesPerDay),
    maxConcurrentMarkets: text(s.maxConcurrentMarkets),
    pollingFrequencyMinutes: text(s.pollingFrequencyMinutes),
    maxDailyLlmCostUsd: text(s.maxDailyLlmCostUsd),
    aiFailureRetryMinutes: text(s.aiFailureRetryMinutes),
  };
}

export function SettingsTab(props: { bot: { id: string; status: string; settings: Settings }; tier: Tier }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.bots.update.mutationOptions());
  return (
    <BotForm
      initial={formValuesOf(props.bot.settings)}
      tier={props.tier}
      submitLabel="Save changes"
      serverIssues={serverIssues(update.error)}
      onSubmit={async (settings, recipe) => {
        try {
          await update.mutateAsync({ botId: props.bot.id, settings, ...recipe });
          void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
          toast.success("Settings saved; the next evaluation uses them.");
        } catch (error) {
          toast.error(error instanceof Error ? error.message : "The settings could not be saved.");
        }
      }}
    >
      <GoLive botId={props.bot.id} botName={props.bot.settings.name} status={props.bot.status} />
    </BotForm>
  );
}
