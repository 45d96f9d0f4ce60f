import { cn } from "@open-trade/ui/cn";
import { Link } from "@tanstack/react-router";
import { Bot, LayoutDashboard, ScrollText, Settings, Wallet } from "lucide-react";

const TABS = [
  { to: "/", label: "Overview", Icon: LayoutDashboard },
  { to: "/bots", label: "Bots", Icon: Bot },
  { to: "/positions", label: "Positions", Icon: Wallet },
  { to: "/ledger", label: "Ledger", Icon: ScrollText },
  { to: "/settings", label: "Settings", Icon: Settings },
] as const;

/** The phone's navigation: five tabs at the bottom, within thumb reach; hidden from md up (the header has it). */
export function BottomTabs() {
  return (
    <nav
      aria-label="Tabs"
      className="fixed inset-x-0 bottom-0 z-40 border-t bg-background/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="grid grid-cols-5">
        {TABS.map(({ to, label, Icon }) => (
          <li key={to}>
            <Link
              to={to}
              activeOptions={{ exact: to === "/" }}
              className={cn(
                "flex min-h-14 flex-col items-center justify-center gap-0.5 text-[11px] font-medium text-muted-foreground",
                "data-[status=active]:text-foreground data-[status=active]:[&_svg]:text-primary",
              )}
            >
              <Icon aria-hidden="true" className="size-5" />
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
