import { Badge } from "@open-trade/ui/badge";
import { Button } from "@open-trade/ui/button";
import { cn } from "@open-trade/ui/cn";
import { ThemeToggle } from "@open-trade/ui/theme";
import { Tooltip } from "@open-trade/ui/tooltip";
import { createFileRoute, Link, Outlet, redirect, useNavigate } from "@tanstack/react-router";
import { Bot, LayoutDashboard, LineChart, LogOut, ScrollText, Settings, Wallet } from "lucide-react";
import { BottomTabs } from "../components/bottom-tabs.tsx";
import { LiveIndicator } from "../components/live-indicator.tsx";
import { useLiveEvents } from "../live/use-live-events.ts";
import { useMe } from "../live/use-me.ts";

export const Route = createFileRoute("/_app")({
  beforeLoad: ({ context, location }) => {
    if (!context.auth.user()) {
      throw redirect({ to: "/sign-in", search: { mode: "sign-in", redirect: location.href } });
    }
  },
  component: AppLayout,
});

const NAV = [
  { to: "/", label: "Overview", Icon: LayoutDashboard },
  { to: "/bots", label: "Bots", Icon: Bot },
  { to: "/positions", label: "Positions", Icon: Wallet },
  { to: "/ledger", label: "Ledger", Icon: ScrollText },
  { to: "/markets", label: "Markets", Icon: LineChart },
  { to: "/settings", label: "Settings", Icon: Settings },
] as const;

function AppLayout() {
  const { auth } = Route.useRouteContext();
  const navigate = useNavigate();
  const live = useLiveEvents();
  const me = useMe();
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Link to="/" className="font-semibold tracking-tight">
            Open Trade
          </Link>
          {me?.demo ? (
            <Tooltip content="You are the demo user: every bot trades on paper against simulated or real order books; no real money moves.">
              <Badge variant="warning" tabIndex={0} data-testid="demo-badge">
                demo, paper only
              </Badge>
            </Tooltip>
          ) : null}
          <nav aria-label="Main" className="ml-4 hidden items-center gap-1 md:flex">
            {NAV.map(({ to, label, Icon }) => (
              <Link
                key={to}
                to={to}
                activeOptions={{ exact: to === "/" }}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground",
                  "data-[status=active]:bg-accent data-[status=active]:text-accent-foreground",
                )}
              >
                <Icon aria-hidden="true" className="size-4" />
                {label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <LiveIndicator state={live} />
            <ThemeToggle />
            <span className="hidden text-sm text-muted-foreground sm:inline">{auth.user()?.email}</span>
            <Button
              variant="ghost"
              size="icon"
              aria-label="Sign out"
              onClick={async () => {
                await auth.signOut();
                await navigate({ to: "/sign-in", search: { mode: "sign-in" } });
              }}
            >
              <LogOut aria-hidden="true" />
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl p-4 pb-24 md:pb-4">
        <Outlet />
      </main>
      <BottomTabs />
    </div>
  );
}
