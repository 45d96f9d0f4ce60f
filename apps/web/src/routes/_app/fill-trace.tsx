import { Button } from "@open-trade/ui/button";
import { createFileRoute, Link, redirect } from "@tanstack/react-router";
import { z } from "zod";
import { Empty, ErrorState } from "../../components/states.tsx";
import { findFillEvaluation } from "../../features/fill-trace/find-fill-evaluation.ts";

const searchSchema = z.object({
  bot: z.uuid(),
  mode: z.enum(["paper", "live"]),
  market: z.string().min(1),
  at: z.iso.datetime().optional(),
});

/** A fill's (or a position's last fill's) decision trace: finds its evaluation and goes there. */
export const Route = createFileRoute("/_app/fill-trace")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const evaluationId = await findFillEvaluation(context.queryClient, context.trpc, {
      botId: deps.bot,
      mode: deps.mode,
      marketId: deps.market,
      at: deps.at,
    });
    if (evaluationId) {
      throw redirect({ to: "/evaluations/$evaluationId", params: { evaluationId }, replace: true });
    }
  },
  component: NoTrace,
  errorComponent: ({ error }) => <ErrorState error={error} />,
});

function NoTrace() {
  const { bot } = Route.useSearch();
  return (
    <Empty title="No decision trace found for this fill">
      <p>The evaluation that made it is no longer among the bot's recent evaluations.</p>
      <Button asChild variant="outline" size="sm" className="mt-2">
        <Link to="/bots/$botId" params={{ botId: bot }}>
          Open the bot's evaluations
        </Link>
      </Button>
    </Empty>
  );
}
