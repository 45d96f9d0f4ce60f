import { Button } from "@open-trade/ui/button";
import { ConfirmDialog } from "@open-trade/ui/confirm-dialog";
import { toast } from "@open-trade/ui/toaster";
import { Tooltip } from "@open-trade/ui/tooltip";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Archive, Pause, Play, Zap } from "lucide-react";
import { useTRPC } from "../../api/trpc.ts";
import type { BotStatus } from "./bot-status.tsx";

interface ControlledBot {
  readonly id: string;
  readonly name: string;
  readonly status: BotStatus;
}

/** What every control does after the API answers: a toast, and the bot's cached views refreshed. */
function useAfter() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (done: string) => ({
    onSuccess: () => {
      toast.success(done);
      void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
    },
    onError: (error: { message: string }) => toast.error(error.message),
  });
}

/** Start, pause, run now and archive, each with a tooltip that says exactly what happens. */
export function BotControls({ bot, compact = false }: { bot: ControlledBot; compact?: boolean }) {
  const trpc = useTRPC();
  const after = useAfter();
  const resume = useMutation({
    ...trpc.bots.resume.mutationOptions(),
    ...after(`${bot.name} is trading on paper.`),
  });
  const pause = useMutation({ ...trpc.bots.pause.mutationOptions(), ...after(`${bot.name} is paused.`) });
  const runNow = useMutation({
    ...trpc.bots.runNow.mutationOptions(),
    ...after(`${bot.name} is queued; a runner picks it up within seconds.`),
  });
  const archive = useMutation({
    ...trpc.bots.archive.mutationOptions(),
    ...after(`${bot.name} is archived.`),
  });
  const running = bot.status === "paper" || bot.status === "live";
  const input = { botId: bot.id };
  const size = compact ? "sm" : "default";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {running ? (
        <Tooltip content="Stops new evaluations: no new orders, no model calls. Open positions stay as they are; Start resumes on paper.">
          <Button
            variant="outline"
            size={size}
            onClick={() => pause.mutate(input)}
            disabled={pause.isPending}
          >
            <Pause aria-hidden="true" /> Pause
          </Button>
        </Tooltip>
      ) : (
        <Tooltip content="Puts the bot back on its schedule in paper mode: simulated fills against the real order book, no real money.">
          <Button size={size} onClick={() => resume.mutate(input)} disabled={resume.isPending}>
            <Play aria-hidden="true" /> Start
          </Button>
        </Tooltip>
      )}
      <Tooltip content="Runs one evaluation now instead of waiting for the next scheduled one. Only a running bot can run now.">
        <Button
          variant="secondary"
          size={size}
          onClick={() => runNow.mutate(input)}
          disabled={!running || runNow.isPending}
        >
          <Zap aria-hidden="true" /> Run now
        </Button>
      </Tooltip>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size={size} aria-label={`Kill ${bot.name}`}>
            <Archive aria-hidden="true" /> Kill
          </Button>
        }
        title={`Kill ${bot.name}?`}
        description="The bot is paused for good and hidden from your lists. It places no more orders; open positions stay as they are and its ledger is kept. This cannot be undone."
        confirmLabel="Kill bot"
        destructive
        onConfirm={() => archive.mutate(input)}
      />
    </div>
  );
}

/** Pauses every running bot of the user in one step. */
export function KillSwitch() {
  const trpc = useTRPC();
  const kill = useMutation({
    ...trpc.bots.killSwitch.mutationOptions(),
    ...useAfter()("Every bot is paused."),
  });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="destructive" disabled={kill.isPending}>
          Pause all bots
        </Button>
      }
      title="Pause every bot now?"
      description="Every running bot (paper and live) is paused at once: no new orders, no model calls. Open positions stay as they are; start each bot again when you are ready."
      confirmLabel="Pause all"
      destructive
      onConfirm={() => kill.mutate()}
    />
  );
}
