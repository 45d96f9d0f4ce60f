import { ThemeProvider } from "@open-trade/ui/theme";
import { Toaster } from "@open-trade/ui/toaster";
import { TooltipProvider } from "@open-trade/ui/tooltip";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { createApiClient, createOptionsProxy, createQueryClient, TRPCProvider } from "./api/trpc.ts";
import type { AuthClient } from "./auth/auth-client.ts";
import { routeTree } from "./routeTree.gen.ts";

function createApp(auth: AuthClient) {
  const queryClient = createQueryClient();
  const client = createApiClient(() => auth.getAccessToken());
  // Someone else's data must never flash after a sign-out or a switch of account.
  let userId = auth.user()?.id ?? null;
  auth.subscribe(() => {
    const next = auth.user()?.id ?? null;
    if (next !== userId) queryClient.clear();
    userId = next;
  });
  const trpc = createOptionsProxy(client, queryClient);
  const router = createRouter({
    routeTree,
    context: { queryClient, trpc, auth },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
  return { queryClient, client, router };
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createApp>["router"];
  }
}

export function App({ auth }: { auth: AuthClient }) {
  const [{ queryClient, client, router }] = useState(() => createApp(auth));
  return (
    <ThemeProvider>
      <TooltipProvider>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={client} queryClient={queryClient}>
            <RouterProvider router={router} />
          </TRPCProvider>
        </QueryClientProvider>
        <Toaster />
      </TooltipProvider>
    </ThemeProvider>
  );
}
