import { describe, expect, it } from "vitest";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { FAKE_ENVELOPE, type World } from "../src/testing/fixtures.ts";
import { actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { useTestWorld } from "../src/testing/use-test-world.ts";

const t = useTestWorld();

type Case = readonly [what: string, statement: (w: World) => [string, unknown[]], constraint: string];

const setBot =
  (assignment: string): Case[1] =>
  (w) => [`update public.bots set ${assignment} where id = $1`, [w.bot]];
const setProfile =
  (assignment: string): Case[1] =>
  (w) => [`update public.user_risk_profiles set ${assignment} where user_id = $1`, [w.owner]];
const insertTrade =
  (size: string, price: string, market = "m"): Case[1] =>
  (w) => [
    `insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price) values ($1, $2, 'paper', 'buy', ${size}, ${price})`,
    [w.bot, market],
  ];
const setPosition =
  (assignment: string): Case[1] =>
  (w) => [`update public.positions set ${assignment} where user_id = $1`, [w.owner]];

const CASES: readonly Case[] = [
  ["a negative daily loss limit", setBot("max_daily_loss_usd = -1"), "bots_max_daily_loss_usd_in_bounds"],
  [
    "a negative position limit",
    setBot("max_position_size_usd = -0.000001"),
    "bots_max_position_size_usd_in_bounds",
  ],
  ["a USD amount with 7 decimals", setBot("max_daily_loss_usd = 1.0000001"), "usd_amount_at_most_6_decimals"],
  [
    "a slippage threshold over 100 %",
    setBot("slippage_threshold_percent = 100.01"),
    "bots_slippage_threshold_percent_in_bounds",
  ],
  [
    "a negative slippage threshold",
    setBot("slippage_threshold_percent = -1"),
    "bots_slippage_threshold_percent_in_bounds",
  ],
  ["a blank bot name", setBot("name = '   '"), "bots_name_not_blank"],
  ["a 101-character bot name", setBot("name = repeat('x', 101)"), "bots_name_not_blank"],
  ["a NULL category", setBot("allowed_categories = '{politics,NULL}'"), "bots_allowed_categories_no_nulls"],
  ["zero concurrent markets", setBot("max_concurrent_markets = 0"), "bots_max_concurrent_markets_in_bounds"],
  [
    "a zero retry interval",
    setBot("ai_failure_retry_minutes = 0"),
    "bots_ai_failure_retry_minutes_in_bounds",
  ],
  [
    "a zero polling interval",
    setBot("polling_frequency_minutes = 0"),
    "bots_polling_frequency_minutes_in_bounds",
  ],
  ["negative trades per day", setBot("max_trades_per_day = -1"), "bots_max_trades_per_day_in_bounds"],
  ["a negative risk budget", setBot("risk_budget_usd = -5"), "bots_risk_budget_usd_in_bounds"],
  [
    "a negative LLM budget",
    setBot("max_daily_llm_cost_usd = -0.01"),
    "bots_max_daily_llm_cost_usd_in_bounds",
  ],
  ["a recipe that is not an object", setBot("recipe_json = '[1,2]'"), "bots_recipe_json_is_object"],
  ["a model id with spaces", setBot("model_id = 'drop table; --'"), "bots_model_id_format"],
  [
    "a strategy over 20,000 characters",
    setBot("strategy_prompt = repeat('x', 20001)"),
    "bots_strategy_prompt_length",
  ],
  ["a price above 1", insertTrade("1", "1.01"), "share_price_between_0_and_1"],
  ["a negative price", insertTrade("1", "-0.01"), "share_price_between_0_and_1"],
  ["a price with 7 decimals", insertTrade("1", "0.1234567"), "share_price_at_most_6_decimals"],
  ["a zero-share trade", insertTrade("0", "0.5"), "trade_logs_size_positive"],
  ["a NaN-share trade", insertTrade("'NaN'", "0.5"), "share_quantity_finite"],
  ["an infinite-share trade", insertTrade("'Infinity'", "0.5"), "share_quantity_finite"],
  ["a NaN price", insertTrade("1", "'NaN'"), "share_price_between_0_and_1"],
  ["an infinite daily loss limit", setBot("max_daily_loss_usd = 'Infinity'"), "usd_amount_finite"],
  ["a NaN position limit", setBot("max_position_size_usd = 'NaN'"), "usd_amount_finite"],
  ["a NaN global budget", setProfile("global_risk_budget_usd = 'NaN'"), "usd_amount_finite"],
  ["NaN shares held", setPosition("total_shares = 'NaN'"), "share_quantity_finite"],
  ["a negative-share trade", insertTrade("-1", "0.5"), "share_quantity_not_negative"],
  ["a blank market id", insertTrade("1", "0.5", " "), "trade_logs_market_id_not_blank"],
  ["negative shares held", setPosition("total_shares = -1"), "share_quantity_not_negative"],
  ["an entry price above 1", setPosition("average_entry_price = 2"), "share_price_between_0_and_1"],
  [
    "a lock that expires before it was taken",
    (w) => [
      "insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, locked_at, expires_at) values ($1, 'm2', $2, now(), now() - interval '1 second')",
      [w.owner, w.bot],
    ],
    "bot_coordination_locks_expires_after_locked",
  ],
  [
    "a lock that never expires",
    (w) => [
      "insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, expires_at) values ($1, 'm3', $2, 'infinity')",
      [w.owner, w.bot],
    ],
    "bot_coordination_locks_expires_within_a_day",
  ],
  [
    "a lock held by another user's bot",
    (w) => [
      "insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, expires_at) values ($1, 'm4', $2, now() + interval '1 minute')",
      [w.stranger, w.bot],
    ],
    "bot_coordination_locks_bot_belongs_to_user",
  ],
  [
    "a second lock on the same market",
    (w) => [
      "insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, expires_at) values ($1, $2, $3, now() + interval '1 minute')",
      [w.owner, w.market, w.spareBot],
    ],
    "bot_coordination_locks_user_id_market_id_key",
  ],
  [
    "a negative default daily loss",
    setProfile("default_daily_loss_usd = -1"),
    "user_risk_profiles_default_daily_loss_usd_in_bounds",
  ],
  [
    "a negative default position size",
    setProfile("default_position_size_usd = -1"),
    "user_risk_profiles_default_position_size_usd_in_bounds",
  ],
  [
    "a default slippage over 100 %",
    setProfile("default_slippage_threshold_percent = 101"),
    "user_risk_profiles_default_slippage_threshold_percent_in_bounds",
  ],
  [
    "a negative global budget",
    setProfile("global_risk_budget_usd = -1"),
    "user_risk_profiles_global_risk_budget_usd_in_bounds",
  ],
  [
    "a plaintext private key",
    (w) => ["insert into public.api_credentials (user_id, private_key) values ($1, '0xabc123')", [w.owner]],
    "api_credentials_private_key_is_ciphertext",
  ],
  [
    "an API key without its secret and passphrase",
    (w) => [
      "insert into public.api_credentials (user_id, private_key, api_key) values ($1, $2, $2)",
      [w.owner, FAKE_ENVELOPE],
    ],
    "api_credentials_l2_complete",
  ],
  [
    "memory that is not an object",
    (w) => ["update public.bot_context set context_json = '\"text\"' where bot_id = $1", [w.bot]],
    "bot_context_context_json_is_object",
  ],
  [
    "a failure with a blank market id",
    (w) => [
      "insert into public.bot_failures (bot_id, error_type, market_id) values ($1, 'other', '')",
      [w.bot],
    ],
    "bot_failures_market_id_not_blank",
  ],
  [
    "a trade for a bot that does not exist",
    () => [
      "insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price) values (gen_random_uuid(), 'm', 'paper', 'buy', 1, 0.5)",
      [],
    ],
    "trade_logs_bot_id_fkey",
  ],
  [
    "a second position for the same market and mode",
    (w) => [
      "insert into public.positions (user_id, market_id, type, total_shares, average_entry_price) values ($1, $2, 'paper', 1, 0.5)",
      [w.owner, w.market],
    ],
    "positions_holding_key",
  ],
];

describe("constraints", () => {
  it.each(CASES)(
    "when a row has %s then the error names the constraint",
    async (_what, statement, constraint) => {
      const [text, params] = statement(t.world);
      const outcome = await rolledBack(t.db.raw, (tx) => tx.query(text, params));
      expect(outcome.ok).toBe(false);
      expect(sqlErrorInfo(!outcome.ok && outcome.error)?.constraint).toBe(constraint);
    },
  );

  it("when a bot status is not one of the enum's values then it is rejected", async () => {
    const outcome = await rolledBack(t.db.raw, (tx) =>
      tx.query("update public.bots set status = 'running' where id = $1", [t.world.bot]),
    );
    expect(sqlErrorInfo(!outcome.ok && outcome.error)?.code).toBe("22P02");
  });

  it("when an auth user is created then a users row and a risk profile with the spec's defaults exist", async () => {
    const { rows } = await t.db.raw.query(
      `select u.tier, p.default_daily_loss_usd::text as loss, p.default_position_size_usd::text as size,
              p.default_slippage_threshold_percent::text as slippage, p.global_risk_budget_usd
         from public.users u join public.user_risk_profiles p on p.user_id = u.id where u.id = $1`,
      [t.world.stranger],
    );
    expect(rows).toEqual([
      { tier: "free", loss: "100.00", size: "500.00", slippage: "2.0", global_risk_budget_usd: null },
    ]);
  });

  it("when a profile is updated then updated_at moves forward", async () => {
    const outcome = await rolledBack(t.db.raw, async (tx) => {
      await tx.query(
        "update public.user_risk_profiles set updated_at = now() - interval '1 day' where user_id = $1",
        [t.world.owner],
      );
      await tx.query("update public.user_risk_profiles set default_daily_loss_usd = 75 where user_id = $1", [
        t.world.owner,
      ]);
      return tx.query<{ fresh: boolean }>(
        "select updated_at > now() - interval '1 minute' as fresh from public.user_risk_profiles where user_id = $1",
        [t.world.owner],
      );
    });
    expect(outcome.ok && outcome.value.rows[0]?.fresh).toBe(true);
  });
});

describe("system columns", () => {
  it("when a user inserts a bot claiming it already ran long ago then the system values win", async () => {
    const outcome = await rolledBack(t.db.raw, async (tx) => {
      await actAs(tx, "owner", t.world);
      await tx.query(
        "insert into public.bots (user_id, name, last_run_at, created_at) values ($1, 'Backdated', now() - interval '1 year', now() - interval '1 year')",
        [t.world.owner],
      );
      return tx.query<{ last_run_at: unknown; recent: boolean }>(
        "select last_run_at, created_at > now() - interval '1 minute' as recent from public.bots where name = 'Backdated'",
      );
    });
    expect(outcome.ok && outcome.value.rows).toEqual([{ last_run_at: null, recent: true }]);
  });
});

describe("the ledger's clock", () => {
  it("when the service role writes a backdated trade then it is stamped with the database's time", async () => {
    const outcome = await rolledBack(t.db.raw, async (tx) => {
      await actAs(tx, "service", t.world);
      return tx.query<{ recent: boolean }>(
        `insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price, created_at)
         values ($1, 'm', 'paper', 'buy', 1, 0.5, '2001-01-01') returning created_at > now() - interval '1 minute' as recent`,
        [t.world.bot],
      );
    });
    expect(outcome.ok && outcome.value.rows).toEqual([{ recent: true }]);
  });
});
