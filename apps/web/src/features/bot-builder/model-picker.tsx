import { Input } from "@open-trade/ui/input";
import { Select } from "@open-trade/ui/select";
import { useQuery } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { formatUsd } from "../../lib/money.ts";

interface Pricing {
  readonly promptPerMillionUsd: string;
  readonly completionPerMillionUsd: string;
  readonly perRequestUsd: string;
}

/** "in $0.15 / out $0.60 per million tokens", or "free" for the rules-only decider. */
export function priceLabel(pricing: Pricing | null): string {
  if (!pricing) return "priced per call";
  const parts = [pricing.promptPerMillionUsd, pricing.completionPerMillionUsd, pricing.perRequestUsd];
  if (parts.every((p) => /^0(\.0*)?$/.test(p))) return "free";
  const tokens = `in ${formatUsd(pricing.promptPerMillionUsd)} / out ${formatUsd(pricing.completionPerMillionUsd)} per million tokens`;
  return /^0(\.0*)?$/.test(pricing.perRequestUsd)
    ? tokens
    : `${tokens} + ${formatUsd(pricing.perRequestUsd, { decimals: 4 })} per call`;
}

/** The model catalog with its prices; a free-text id while the catalog is unavailable. */
export function ModelPicker(props: ComponentProps<"select">) {
  const trpc = useTRPC();
  const models = useQuery(trpc.models.list.queryOptions());
  if (!models.data) {
    const { ref, ...rest } = props as ComponentProps<"select"> & ComponentProps<"input">;
    return <Input {...(rest as ComponentProps<"input">)} ref={ref} placeholder="openai/gpt-4o-mini" />;
  }
  return (
    <Select {...props}>
      <option value="">Choose a model…</option>
      {models.data.models.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name} — {priceLabel(m.pricing)}
        </option>
      ))}
    </Select>
  );
}
