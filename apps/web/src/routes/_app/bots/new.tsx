import { toast } from "@open-trade/ui/toaster";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { useTRPC } from "../../../api/trpc.ts";
import { Loading } from "../../../components/states.tsx";
import { BotForm } from "../../../features/bot-builder/bot-form.tsx";
import { emptyForm } from "../../../features/bot-builder/empty-form.ts";
import { serverIssues } from "../../../features/bot-builder/server-issues.ts";
import { useMe } from "../../../live/use-me.ts";

export const Route = createFileRoute("/_app/bots/new")({ component: NewBot });

function NewBot() {
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.bots.create.mutationOptions());
  if (!me) return <Loading label="your tier" />;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">New bot</h1>
      <p className="text-sm text-muted-foreground">
        A new bot starts paused, on paper. Start it from its page when the preview looks right.
      </p>
      <BotForm
        initial={emptyForm(me.tierAllows.minPollingMinutes)}
        tier={me.tier}
        submitLabel="Create bot"
        serverIssues={serverIssues(create.error)}
        onSubmit={async (settings, recipe) => {
          try {
            const bot = await create.mutateAsync({ ...settings, ...recipe });
            void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
            toast.success(`${settings.name} created (paused, paper).`);
            await navigate({ to: "/bots/$botId", params: { botId: bot.id } });
          } catch (error) {
            toast.error(error instanceof Error ? error.message : "The bot could not be saved.");
          }
        }}
      />
    </div>
  );
}
