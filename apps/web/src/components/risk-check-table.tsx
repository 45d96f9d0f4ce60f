import { DENIAL_DESCRIPTIONS, type DenialCode } from "@open-trade/risk-engine";
import { Badge } from "@open-trade/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@open-trade/ui/table";
import { Check, Minus, Scissors, X } from "lucide-react";

/** pass, clipped (allowReduce shrank the order), denied, or skipped (the check does not apply). */
export type CheckResult = "pass" | "clipped" | "denied" | "skipped";

export interface RiskCheckRow {
  readonly check: string;
  readonly limit: string | null;
  readonly value: string | null;
  readonly result: CheckResult;
  readonly code: string | null;
}

const RESULT = {
  pass: { Icon: Check, label: "Pass", variant: "gain" },
  clipped: { Icon: Scissors, label: "Clipped", variant: "warning" },
  denied: { Icon: X, label: "Denied", variant: "loss" },
  skipped: { Icon: Minus, label: "Skipped", variant: "outline" },
} as const;

/** The plain-language meaning of a risk engine code; unknown codes are shown as they are. */
export function explainCode(code: string): string {
  return code in DENIAL_DESCRIPTIONS ? DENIAL_DESCRIPTIONS[code as DenialCode] : code;
}

/** The risk engine's verdict, one row per check; results carry a word and an icon, not only a colour. */
export function RiskCheckTable({ rows }: { rows: readonly RiskCheckRow[] }) {
  return (
    <Table scrollLabel="Risk checks">
      <TableHeader>
        <TableRow>
          <TableHead>Check</TableHead>
          <TableHead>Limit</TableHead>
          <TableHead>Value</TableHead>
          <TableHead>Result</TableHead>
          <TableHead>Why</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const look = RESULT[row.result];
          return (
            <TableRow key={`${row.check}-${row.code ?? ""}`} data-result={row.result}>
              <TableCell className="min-w-40 font-medium">{row.check}</TableCell>
              <TableCell className="max-w-40 break-all tabular-nums">{row.limit ?? "—"}</TableCell>
              <TableCell className="max-w-40 break-all tabular-nums">{row.value ?? "—"}</TableCell>
              <TableCell>
                <Badge variant={look.variant}>
                  <look.Icon aria-hidden="true" className="size-3" />
                  {look.label}
                </Badge>
              </TableCell>
              <TableCell className="min-w-48 text-xs">
                {row.code ? (
                  <>
                    <code className="font-mono font-semibold break-all">{row.code}</code>
                    <span className="block text-muted-foreground">{explainCode(row.code)}</span>
                  </>
                ) : (
                  "—"
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
