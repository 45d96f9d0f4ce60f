import { TIER_RULES, type Tier } from "@open-trade/risk-engine";
import { Button } from "@open-trade/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@open-trade/ui/card";
import { Field } from "@open-trade/ui/field";
import { Input } from "@open-trade/ui/input";
import { Select } from "@open-trade/ui/select";
import { Textarea } from "@open-trade/ui/textarea";
import { type ReactNode, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { CompilePreview } from "./compile-preview.tsx";
import { type BotFormValues, issuesByField, toSettings } from "./form-issues.ts";
import { limitFields } from "./limit-fields.ts";
import { LimitInputs } from "./limit-inputs.tsx";
import { ModelPicker } from "./model-picker.tsx";
import { TemplatePicker } from "./template-picker.tsx";

export type BotSettings = ReturnType<typeof toSettings>;

export interface BotFormProps {
  initial: BotFormValues;
  tier: Tier;
  submitLabel: string;
  onSubmit: (settings: BotSettings) => Promise<void>;
  /** Errors the API returned per field (it validates again, with the same rules). */
  serverIssues?: Record<string, string[]>;
  /** Extra sections below the limits (mode, run now) on an existing bot. */
  children?: ReactNode;
}

/** The bot builder: strategy, model, every hard limit, all validated live by the risk engine. */
export function BotForm({ initial, tier, submitLabel, onSubmit, serverIssues = {}, children }: BotFormProps) {
  const rule = TIER_RULES[tier];
  const fields = useMemo(() => limitFields(tier, rule), [tier, rule]);
  const form = useForm<BotFormValues>({ defaultValues: initial, mode: "onChange" });
  const values = form.watch();
  const live = issuesByField(values, tier);
  const blocking = Object.keys(live).length;
  const [submitting, setSubmitting] = useState(false);
  const [tried, setTried] = useState(false);
  const { dirtyFields } = form.formState;
  // A field's problems show once it was edited (or a save was tried), every one of them at once.
  const shown = Object.fromEntries(
    Object.entries(live).filter(([field]) => tried || field in dirtyFields || field === "status"),
  );
  const issues = { ...serverIssues, ...shown };

  const submit = form.handleSubmit(async (v) => {
    setTried(true);
    if (Object.keys(issuesByField(v, tier)).length > 0) return;
    setSubmitting(true);
    try {
      await onSubmit(toSettings(v));
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Card>
        <CardHeader>
          <CardTitle>Strategy</CardTitle>
          <CardDescription>
            Describe what the bot should do in plain language, or start from a rule-only template (no model
            needed to decide).
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <TemplatePicker
            onPick={(t) => {
              form.setValue("strategyPrompt", t.strategyPrompt, { shouldDirty: true });
              form.setValue("modelId", t.modelId, { shouldDirty: true });
              form.setValue("allowedCategories", t.recipe.universe.categories.join(", "), {
                shouldDirty: true,
              });
              if (!form.getValues("name").trim() || form.getValues("name") === initial.name) {
                form.setValue("name", t.title, { shouldDirty: true });
              }
            }}
          />
          <Field label="Name" errors={issues.name}>
            {(ids) => <Input {...ids} {...form.register("name")} autoComplete="off" />}
          </Field>
          <Field
            label="Strategy"
            help='Example: "Buy YES for $5 when it trades at 0.60 or less and the spread is at most 5 cents. Take profit at +20%, stop out at -15%."'
            errors={issues.strategyPrompt}
          >
            {(ids) => <Textarea {...ids} {...form.register("strategyPrompt")} rows={5} />}
          </Field>
          <Field
            label="Model"
            help="The OpenRouter model that compiles the strategy and makes judgement calls. Rule-only recipes never call it while trading."
            errors={issues.modelId}
          >
            {(ids) => <ModelPicker {...ids} {...form.register("modelId")} />}
          </Field>
          <CompilePreview values={values} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Hard limits</CardTitle>
          <CardDescription>
            The risk engine enforces these on every order; no model can talk its way past them. Your tier:{" "}
            <strong>{tier}</strong> (cadence every {rule.minPollingMinutes} min or slower,{" "}
            {rule.liveTradingAllowed ? "live trading allowed" : "paper only"}, up to {rule.maxBots} bot
            {rule.maxBots === 1 ? "" : "s"}).
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <LimitInputs fields={fields} register={form.register} issues={issues} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Allowed categories"
              help="Comma-separated (e.g. politics, crypto). The bot only looks at markets in these categories; a template fills in its own."
              errors={issues.allowedCategories}
            >
              {(ids) => <Input {...ids} {...form.register("allowedCategories")} autoComplete="off" />}
            </Field>
            <Field
              label="Risk budget type"
              help="Individual: the budget is this bot's alone. Shared: it draws from one pool with your other shared bots."
              errors={issues.riskBudgetType}
            >
              {(ids) => (
                <Select {...ids} {...form.register("riskBudgetType")}>
                  <option value="individual">Individual</option>
                  <option value="shared">Shared</option>
                </Select>
              )}
            </Field>
          </div>
        </CardContent>
      </Card>

      {children}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={submitting}>
          {submitting ? "Saving…" : submitLabel}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-muted-foreground">
          {blocking > 0
            ? `${blocking} field${blocking === 1 ? " needs" : "s need"} attention before saving.`
            : "Every limit is within your tier's bounds."}
        </p>
      </div>
    </form>
  );
}
