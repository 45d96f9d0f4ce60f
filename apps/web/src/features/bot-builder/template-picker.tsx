import { Badge } from "@open-trade/ui/badge";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";

export interface PickedTemplate {
  readonly title: string;
  readonly strategyPrompt: string;
  readonly modelId: string;
  readonly recipe: { readonly universe: { readonly categories: readonly string[] } };
}

/** The API's rule-only starting points; picking one fills in the strategy and its model. */
export function TemplatePicker({ onPick }: { onPick: (template: PickedTemplate) => void }) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.strategy.templates.queryOptions());
  if (templates.isPending) return <p className="text-sm text-muted-foreground">Loading templates…</p>;
  if (templates.isError)
    return <p className="text-sm text-destructive">Templates unavailable: {templates.error.message}</p>;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">Start from a template</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {templates.data.map((t) => (
          <button
            key={t.id}
            type="button"
            onClick={() => onPick(t)}
            className="flex flex-col items-start gap-1 rounded-md border p-3 text-left text-sm hover:bg-accent"
          >
            <span className="flex items-center gap-2 font-medium">
              {t.title} <Badge variant="outline">rule-only</Badge>
            </span>
            <span className="text-muted-foreground">{t.recipe.summary}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
