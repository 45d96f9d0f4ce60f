import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { Fact } from "./fact.tsx";
import { confidencePercent } from "./trace-format.ts";

export interface TracedDecision {
  readonly action: "BUY" | "SELL" | "HOLD";
  readonly outcome: "YES" | "NO" | null;
  readonly shares: string | null;
  readonly sizeUsd: string | null;
  readonly limitPrice: string | null;
  readonly confidence: string | null;
  readonly decidedBy: string;
}

export interface DecisionCost {
  readonly decidedBy: string | null;
  readonly modelId: string | null;
  readonly llmInputTokens: number;
  readonly llmOutputTokens: number;
  readonly llmBilledUsd: string;
}

/** What the rules or the model decided, what it cost, and why. */
export function DecisionCard({
  decision,
  cost,
  reasoning,
}: {
  decision?: TracedDecision;
  cost: DecisionCost;
  reasoning: string;
}) {
  return (
    <Card data-testid="trace-decision">
      <CardHeader>
        <CardTitle>3. Decision</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {decision ? (
            <>
              <Fact label="Action">
                <strong>
                  {decision.action}
                  {decision.outcome ? ` ${decision.outcome}` : ""}
                </strong>
              </Fact>
              <Fact label="Size">
                {decision.shares ? `${formatShares(decision.shares)} shares` : "—"}
                {decision.sizeUsd ? ` (${formatUsd(decision.sizeUsd)})` : ""}
              </Fact>
              <Fact label="Limit price">{decision.limitPrice ? formatCents(decision.limitPrice) : "—"}</Fact>
              <Fact label="Confidence">
                {decision.confidence ? confidencePercent(decision.confidence) : "— (rules)"}
              </Fact>
            </>
          ) : null}
          <Fact label="Decided by">{decision?.decidedBy ?? cost.decidedBy ?? "—"}</Fact>
          <Fact label="Model">{cost.modelId ?? "Rules only (no model)"}</Fact>
          <Fact label="Tokens in / out">
            {cost.llmInputTokens} / {cost.llmOutputTokens}
          </Fact>
          <Fact label="Model cost">{formatUsd(cost.llmBilledUsd, { decimals: 6 })}</Fact>
        </dl>
        <div>
          <h3 className="text-xs text-muted-foreground">Reasoning</h3>
          <p className="mt-1 whitespace-pre-wrap text-sm">{reasoning || "No reasoning recorded."}</p>
        </div>
      </CardContent>
    </Card>
  );
}
