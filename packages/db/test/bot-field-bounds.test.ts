import {
  BOT_FIELD_BOUNDS,
  BOUNDED_FIELDS,
  type BoundedField,
  checkBotField,
  formatUsd,
  TIER_RULES,
  TIERS,
} from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { createAuthUser, createBot } from "../src/testing/fixtures.ts";
import { actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { useTestWorld } from "../src/testing/use-test-world.ts";

// One table of bounds (risk-engine BOT_FIELD_BOUNDS), probed value by value against the validator and the database.
const t = useTestWorld();

/** Values at and just beyond each end of a field's domain, plus one with a decimal too many. */
function probes(field: BoundedField): (string | number)[] {
  const bound = BOT_FIELD_BOUNDS[field];
  if (bound.kind === "integer") return [bound.min - 1, bound.min, bound.max, bound.max + 1];
  const step = `0.${"0".repeat(bound.decimals - 1)}1`;
  const finer = `1.${"0".repeat(bound.decimals)}1`;
  const max = bound.max === null ? ["1"] : [bound.max, `${bound.max}.${"0".repeat(bound.decimals - 1)}1`];
  return [bound.min, step, finer, `-${step}`, ...max];
}

const PROFILE_COLUMNS: Partial<Record<BoundedField, string>> = {
  max_daily_loss_usd: "default_daily_loss_usd",
  max_position_size_usd: "default_position_size_usd",
  slippage_threshold_percent: "default_slippage_threshold_percent",
  risk_budget_usd: "global_risk_budget_usd",
};

async function databaseAccepts(text: string, params: unknown[]): Promise<boolean> {
  const outcome = await rolledBack(t.db.raw, (tx) => tx.query(text, params));
  if (!outcome.ok && sqlErrorInfo(outcome.error)?.code !== "23514")
    throw new Error(`unexpected error: ${String(outcome.error)}`);
  return outcome.ok;
}

describe("bot field bounds agree between the risk engine and the database", () => {
  const cases = BOUNDED_FIELDS.flatMap((field) => probes(field).map((value) => [field, value] as const));
  it.each(cases)("when %s is set to %s then both accept it or both refuse it", async (field, value) => {
    const engine = checkBotField(field, value) === null;
    const bots = await databaseAccepts(`update public.bots set ${field} = $2 where id = $1`, [
      t.world.bot,
      String(value),
    ]);
    expect({ field, value, database: bots }).toEqual({ field, value, database: engine });
    const column = PROFILE_COLUMNS[field];
    if (!column) return;
    const profile = await databaseAccepts(
      `update public.user_risk_profiles set ${column} = $2 where user_id = $1`,
      [t.world.owner, String(value)],
    );
    expect({ column, value, database: profile }).toEqual({ column, value, database: engine });
  });

  it("when a recipe is larger than 64 KB then the database refuses it", async () => {
    const big = JSON.stringify({ summary: "x".repeat(70_000) });
    const outcome = await rolledBack(t.db.raw, (tx) =>
      tx.query("update public.bots set recipe_json = $2::jsonb where id = $1", [t.world.bot, big]),
    );
    expect(sqlErrorInfo(!outcome.ok && outcome.error)?.constraint).toBe("bots_recipe_json_size");
  });
});

describe("model spend per bot is capped by the tier in the database", () => {
  it("when the SQL maximum is read then it equals the risk engine's maxDailyLlmCostPerBot", async () => {
    for (const tier of TIERS) {
      const { rows } = await t.db.raw.query<{ max: string }>(
        "select private.tier_max_daily_llm_cost_usd($1)::text as max",
        [tier],
      );
      expect(Number(rows[0]?.max).toFixed(6)).toBe(
        Number(formatUsd(TIER_RULES[tier].maxDailyLlmCostPerBot)).toFixed(6),
      );
    }
  });

  it.each([
    ["the free user", "owner", "1.00", true],
    ["the free user", "owner", "1.01", false],
    ["the free user", "owner", "1e30", false],
    ["the service role", "service", "1.01", false],
  ] as const)("when %s sets the cap to %s then it is accepted: %s", async (_who, actor, cap, accepted) => {
    const user = await createAuthUser(t.db.raw);
    const bot = await createBot(t.db.raw, user);
    const outcome = await rolledBack(t.db.raw, async (tx) => {
      await actAs(tx, actor, { owner: user, stranger: user });
      return tx.query("update public.bots set max_daily_llm_cost_usd = $2 where id = $1", [bot, cap]);
    });
    expect(outcome.ok).toBe(accepted);
    if (!outcome.ok)
      expect(sqlErrorInfo(outcome.error)).toMatchObject({ code: "OT002", constraint: "bots_tier_llm_cost" });
  });
});
