import { Field } from "@open-trade/ui/field";
import { Input } from "@open-trade/ui/input";
import type { UseFormRegister } from "react-hook-form";
import type { BotFormValues } from "./form-issues.ts";
import type { LimitField } from "./limit-fields.ts";

const INPUT_MODE = { usd: "decimal", percent: "decimal", integer: "numeric" } as const;

/** Every hard limit with its help text and all of its current problems. */
export function LimitInputs({
  fields,
  register,
  issues,
}: {
  fields: readonly LimitField[];
  register: UseFormRegister<BotFormValues>;
  issues: Record<string, string[]>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((f) => (
        <Field key={f.name} label={f.label} help={f.help} errors={issues[f.name]}>
          {(ids) => (
            <Input
              {...ids}
              {...register(f.name)}
              inputMode={INPUT_MODE[f.kind]}
              placeholder={f.placeholder}
              autoComplete="off"
            />
          )}
        </Field>
      ))}
    </div>
  );
}
