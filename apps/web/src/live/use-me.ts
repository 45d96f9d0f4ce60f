import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../api/trpc.ts";

/** The signed-in user, their tier, and whether this is the embedded demo account (paper only). */
export function useMe() {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  if (!me.data) return null;
  return me.data;
}
