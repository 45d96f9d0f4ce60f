import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import type { Trpc } from "../api/trpc.ts";
import type { AuthClient } from "../auth/auth-client.ts";
import { ErrorState } from "../components/states.tsx";

export interface RouterContext {
  readonly queryClient: QueryClient;
  readonly trpc: Trpc;
  readonly auth: AuthClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Root,
  errorComponent: ({ error, reset }) => (
    <main className="mx-auto max-w-2xl p-6">
      <ErrorState error={error} retry={reset} />
    </main>
  ),
  notFoundComponent: () => (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-lg font-semibold">Page not found</h1>
    </main>
  ),
});

function Root() {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:p-2"
      >
        Skip to content
      </a>
      <Outlet />
    </>
  );
}
