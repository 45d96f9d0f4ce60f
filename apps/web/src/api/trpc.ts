import type { AppRouter } from "@open-trade/api/types";
import { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  retryLink,
  splitLink,
  type TRPCLink,
} from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { EventSource } from "eventsource";

export type { AppRouter };

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type TokenSource = () => Promise<string | null>;

async function authHeaders(getToken: TokenSource): Promise<Record<string, string>> {
  const token = await getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Queries and mutations go batched over HTTP; subscriptions over SSE through the `eventsource` ponyfill,
 * whose fetch carries the bearer token in a header on every (re)connect, so it never appears in a URL.
 */
export function createApiClient(getToken: TokenSource, origin = "") {
  const url = `${origin}/trpc`;
  const subscriptionLink: TRPCLink<AppRouter> = httpSubscriptionLink({
    url,
    EventSource,
    eventSourceOptions: async () => {
      const headers = await authHeaders(getToken);
      return {
        fetch: (input: string | URL | Request, init?: RequestInit) =>
          fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }),
      };
    },
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        // A refused token restarts the stream with a fresh one; other errors surface to the UI.
        true: [retryLink({ retry: ({ attempts }) => attempts < 3 }), subscriptionLink],
        false: httpBatchLink({ url, headers: () => authHeaders(getToken) }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

export function createOptionsProxy(client: ApiClient, queryClient: QueryClient) {
  return createTRPCOptionsProxy<AppRouter>({ client, queryClient });
}

export type Trpc = ReturnType<typeof createOptionsProxy>;
