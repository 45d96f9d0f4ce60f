import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { utcTime } from "../../lib/time.ts";

/** Past mistakes and the adaptation each one taught the bot. */
export function FailuresTab({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const failures = useQuery(trpc.failures.list.queryOptions({ botId, limit: 50 }));
  if (failures.isPending) return <Loading label="failures" />;
  if (failures.isError) return <ErrorState error={failures.error} retry={() => void failures.refetch()} />;
  if (!failures.data.length) return <Empty title="No failures recorded" />;
  return (
    <ol className="flex flex-col gap-2">
      {failures.data.map((f) => (
        <li key={f.id} className="rounded-md border p-3 text-sm">
          <div className="flex flex-wrap gap-2">
            <code className="rounded bg-muted px-1 text-xs">{f.errorType}</code>
            <time dateTime={f.createdAt} className="text-muted-foreground">
              {utcTime(f.createdAt)}
            </time>
            {f.marketId ? <span className="font-mono text-xs">{f.marketId}</span> : null}
          </div>
          <p className="mt-1">Adaptation: {f.adaptationNote || "none"}</p>
        </li>
      ))}
    </ol>
  );
}

/** The lessons the bot carries into its next decisions. */
export function MemoryTab({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const memory = useQuery(trpc.memory.get.queryOptions({ botId }));
  if (memory.isPending) return <Loading label="memory" />;
  if (memory.isError) return <ErrorState error={memory.error} retry={() => void memory.refetch()} />;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-muted-foreground">
        {memory.data.updatedAt
          ? `Updated ${utcTime(memory.data.updatedAt)}`
          : "The bot has not learned anything yet."}
      </p>
      <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">
        {JSON.stringify(memory.data.memory, null, 2)}
      </pre>
    </div>
  );
}
