import { Badge } from "@open-trade/ui/badge";
import { Tooltip } from "@open-trade/ui/tooltip";

/** Shown wherever a simulated market appears, so it is never taken for a real Polymarket market. */
export function SimulatedBadge() {
  return (
    <Tooltip content="A market of the stand-in exchange: its prices and fills are simulated, not Polymarket's.">
      <Badge variant="warning" tabIndex={0} data-testid="simulated-badge">
        SIMULATED
      </Badge>
    </Tooltip>
  );
}
