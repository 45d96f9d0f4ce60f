import { Tabs, TabsContent, TabsList, TabsTrigger } from "@open-trade/ui/tabs";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { useTRPC } from "../../../api/trpc.ts";
import { Pnl } from "../../../components/pnl.tsx";
import { StatCard } from "../../../components/stat-card.tsx";
import { ErrorState, Loading } from "../../../components/states.tsx";
import { EvaluationsTab } from "../../../features/bot-detail/evaluations-tab.tsx";
import { FailuresTab, MemoryTab } from "../../../features/bot-detail/memory-tabs.tsx";
import { PositionsTab } from "../../../features/bot-detail/positions-tab.tsx";
import { SettingsTab } from "../../../features/bot-detail/settings-tab.tsx";
import { TradesTab } from "../../../features/bot-detail/trades-tab.tsx";
import { BotControls } from "../../../features/bots/bot-controls.tsx";
import { ModeTag, StatusBadge } from "../../../features/bots/bot-status.tsx";
import { formatUsd, usedPercent } from "../../../lib/money.ts";
import { usedLine } from "../../../lib/usage.ts";
import { useMe } from "../../../live/use-me.ts";

const TABS = ["evaluations", "trades", "positions", "failures", "memory", "settings"] as const;
type Tab = (typeof TABS)[number];

const searchSchema = z.object({
  tab: z.enum(TABS).default("evaluations").catch("evaluations"),
  outcome: z.enum(["all", "traded", "skipped", "blocked", "failed"]).default("all").catch("all"),
});

export const Route = createFileRoute("/_app/bots/$botId")({
  validateSearch: searchSchema,
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(context.trpc.bots.byId.queryOptions(params)),
  component: BotDetail,
  errorComponent: ({ error }) => <ErrorState error={error} />,
});

function BotDetail() {
  const trpc = useTRPC();
  const { botId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const me = useMe();
  const bot = useQuery(trpc.bots.byId.queryOptions({ botId }));
  const stats = useQuery(trpc.stats.bot.queryOptions({ botId }));
  if (bot.isPending) return <Loading label="the bot" rows={5} />;
  if (bot.isError) return <ErrorState error={bot.error} retry={() => void bot.refetch()} />;
  const b = bot.data;
  const s = stats.data;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{b.settings.name}</h1>
        <StatusBadge status={b.status} />
        <ModeTag mode={b.mode} />
        <div className="ml-auto">
          <BotControls bot={{ id: b.id, name: b.settings.name, status: b.status }} />
        </div>
      </header>
      {s ? (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatCard
            label="PnL today"
            definition="Realized profit and loss since 00:00 UTC in this bot's current mode, fees included."
            value={<Pnl value={s.pnlTodayUsd} />}
          />
          <StatCard
            label="Daily loss used"
            definition="Today's loss against max daily loss; at the limit the bot only reduces exposure until midnight UTC."
            value={formatUsd(s.dailyLossUsd.used)}
            detail={usedLine(s.dailyLossUsd.used, s.dailyLossUsd.limit)}
            meter={usedPercent(s.dailyLossUsd.used, s.dailyLossUsd.limit)}
          />
          <StatCard
            label="Trades today"
            definition="Orders filled since 00:00 UTC against max trades per day."
            value={`${s.tradesToday.used} / ${s.tradesToday.limit}`}
            meter={usedPercent(String(s.tradesToday.used), String(s.tradesToday.limit))}
          />
          <StatCard
            label="Model spend today"
            definition="What model calls cost today against the bot's daily model budget; calls that would pass it are skipped."
            value={formatUsd(s.llmSpendUsd.used, { decimals: 4 })}
            detail={usedLine(s.llmSpendUsd.used, s.llmSpendUsd.limit)}
            meter={usedPercent(s.llmSpendUsd.used, s.llmSpendUsd.limit)}
          />
          <StatCard
            label="Exposure"
            definition="Cost basis of the bot's open positions against its risk budget."
            value={formatUsd(s.exposureUsd.used)}
            detail={usedLine(s.exposureUsd.used, s.exposureUsd.limit)}
            meter={usedPercent(s.exposureUsd.used, s.exposureUsd.limit)}
          />
        </div>
      ) : (
        <Loading label="today's numbers" rows={1} />
      )}
      <Tabs
        value={search.tab}
        onValueChange={(tab) => navigate({ search: (p) => ({ ...p, tab: tab as Tab }) })}
      >
        <TabsList>
          <TabsTrigger value="evaluations">Evaluations</TabsTrigger>
          <TabsTrigger value="trades">Trades</TabsTrigger>
          <TabsTrigger value="positions">Positions</TabsTrigger>
          <TabsTrigger value="failures">Failures &amp; adaptations</TabsTrigger>
          <TabsTrigger value="memory">Memory</TabsTrigger>
          <TabsTrigger value="settings">Settings</TabsTrigger>
        </TabsList>
        <TabsContent value="evaluations">
          <EvaluationsTab
            botId={botId}
            filter={search.outcome}
            onFilter={(outcome) => navigate({ search: (p) => ({ ...p, outcome }), replace: true })}
          />
        </TabsContent>
        <TabsContent value="trades">
          <TradesTab botId={botId} />
        </TabsContent>
        <TabsContent value="positions">
          <PositionsTab botId={botId} mode={b.mode} />
        </TabsContent>
        <TabsContent value="failures">
          <FailuresTab botId={botId} />
        </TabsContent>
        <TabsContent value="memory">
          <MemoryTab botId={botId} />
        </TabsContent>
        <TabsContent value="settings">
          {me ? <SettingsTab bot={b} tier={me.tier} /> : <Loading label="settings" />}
        </TabsContent>
      </Tabs>
    </div>
  );
}
