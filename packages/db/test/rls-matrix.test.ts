import { describe, expect, it } from "vitest";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { FAKE_ENVELOPE, type World } from "../src/testing/fixtures.ts";
import { type Actor, actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { useTestWorld } from "../src/testing/use-test-world.ts";

// Every table x operation x actor, each acting on the OWNER's data (an insert targets the owner too).
// "allowed" means at least one row was read or written; "denied" means permission denied (42501) or a row
// filtered out by a policy (0 rows), which is how RLS says no without an error.

type Op = "select" | "insert" | "update" | "delete";
type Expect = "allowed" | "denied";
type Statement = (w: World) => [sql: string, params: unknown[]];
const A: Expect = "allowed";
const D: Expect = "denied";
const ACTORS: readonly Actor[] = ["owner", "stranger", "anon", "service"];

interface TableCases {
  readonly statements: Record<Op, Statement>;
  /** Outcome per op for [owner, stranger, anon, service]. */
  readonly expected: Record<Op, readonly [Expect, Expect, Expect, Expect]>;
}

const MATRIX: Record<string, TableCases> = {
  users: {
    statements: {
      select: (w) => ["select id from public.users where id = $1", [w.owner]],
      insert: (w) => ["insert into public.users (id) values ($1)", [w.freshUser]],
      update: (w) => ["update public.users set tier = 'pro' where id = $1", [w.owner]],
      delete: (w) => ["delete from public.users where id = $1", [w.owner]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, A], update: [D, D, D, A], delete: [D, D, D, D] },
  },
  user_risk_profiles: {
    statements: {
      select: (w) => ["select id from public.user_risk_profiles where user_id = $1", [w.owner]],
      insert: (w) => ["insert into public.user_risk_profiles (user_id) values ($1)", [w.freshProfileUser]],
      update: (w) => [
        "update public.user_risk_profiles set default_daily_loss_usd = 50 where user_id = $1",
        [w.owner],
      ],
      delete: (w) => ["delete from public.user_risk_profiles where user_id = $1", [w.owner]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, A], update: [A, D, D, A], delete: [D, D, D, D] },
  },
  api_credentials: {
    statements: {
      select: (w) => [
        "select private_key, api_key from public.api_credentials where user_id = $1",
        [w.owner],
      ],
      insert: (w) => [
        "insert into public.api_credentials (user_id, private_key) values ($1, $2)",
        [w.owner, FAKE_ENVELOPE],
      ],
      update: (w) => [
        "update public.api_credentials set private_key = $2 where user_id = $1",
        [w.owner, FAKE_ENVELOPE],
      ],
      delete: (w) => ["delete from public.api_credentials where id = $1", [w.credential]],
    },
    expected: { select: [D, D, D, A], insert: [A, D, D, A], update: [D, D, D, A], delete: [A, D, D, A] },
  },
  bots: {
    statements: {
      select: (w) => ["select id from public.bots where id = $1", [w.bot]],
      insert: (w) => ["insert into public.bots (user_id, name) values ($1, 'New bot')", [w.owner]],
      update: (w) => ["update public.bots set name = 'Renamed' where id = $1", [w.bot]],
      delete: (w) => ["delete from public.bots where id = $1", [w.spareBot]],
    },
    expected: { select: [A, D, D, A], insert: [A, D, D, A], update: [A, D, D, A], delete: [D, D, D, A] },
  },
  trade_logs: {
    statements: {
      select: (w) => ["select id from public.trade_logs where bot_id = $1", [w.bot]],
      insert: (w) => [
        `insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price)
         values ($1, $2, 'paper', 'sell', 1, 0.5)`,
        [w.bot, w.market],
      ],
      update: (w) => ["update public.trade_logs set size = 2 where bot_id = $1", [w.bot]],
      delete: (w) => ["delete from public.trade_logs where bot_id = $1", [w.bot]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, A], update: [D, D, D, D], delete: [D, D, D, D] },
  },
  positions: {
    statements: {
      select: (w) => ["select id from public.positions where user_id = $1", [w.owner]],
      insert: (w) => [
        "insert into public.positions (user_id, market_id, type, total_shares, average_entry_price) values ($1, $2, 'live', 1, 0.5)",
        [w.owner, w.market],
      ],
      update: (w) => ["update public.positions set total_shares = 2 where user_id = $1", [w.owner]],
      delete: (w) => ["delete from public.positions where user_id = $1", [w.owner]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, A], update: [D, D, D, A], delete: [D, D, D, A] },
  },
  ledger_holdings: {
    statements: {
      select: (w) => ["select fills from public.ledger_holdings where bot_id = $1", [w.bot]],
      insert: (w) => [
        `insert into public.ledger_holdings (bot_id, type, token_key, shares, cost_basis_usd, realized_pnl_usd, fees_usd, fills)
         values ($1, 'live', 'forged', 1, 1, 0, 0, 1)`,
        [w.bot],
      ],
      update: (w) => ["update public.ledger_holdings set realized_pnl_usd = 1000 where bot_id = $1", [w.bot]],
      delete: (w) => ["delete from public.ledger_holdings where bot_id = $1", [w.bot]],
    },
    // Derived from the ledger by its trigger: nobody writes it directly, the service role included.
    expected: { select: [A, D, D, A], insert: [D, D, D, D], update: [D, D, D, D], delete: [D, D, D, D] },
  },
  ledger_pnl_days: {
    statements: {
      select: (w) => ["select fills from public.ledger_pnl_days where bot_id = $1", [w.bot]],
      insert: (w) => [
        "insert into public.ledger_pnl_days (bot_id, type, day, realized_pnl_usd, fills) values ($1, 'live', '2020-01-01', 1000, 1)",
        [w.bot],
      ],
      update: (w) => ["update public.ledger_pnl_days set realized_pnl_usd = 1000 where bot_id = $1", [w.bot]],
      delete: (w) => ["delete from public.ledger_pnl_days where bot_id = $1", [w.bot]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, D], update: [D, D, D, D], delete: [D, D, D, D] },
  },
  bot_failures: {
    statements: {
      select: (w) => ["select id from public.bot_failures where bot_id = $1", [w.bot]],
      insert: (w) => [
        "insert into public.bot_failures (bot_id, error_type, market_id, adaptation_note) values ($1, 'api_error', $2, 'x')",
        [w.bot, w.market],
      ],
      update: (w) => [
        "update public.bot_failures set adaptation_note = 'changed' where bot_id = $1",
        [w.bot],
      ],
      delete: (w) => ["delete from public.bot_failures where bot_id = $1", [w.bot]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, A], update: [D, D, D, D], delete: [D, D, D, A] },
  },
  bot_context: {
    statements: {
      select: (w) => ["select id from public.bot_context where bot_id = $1", [w.bot]],
      insert: (w) => [
        "insert into public.bot_context (bot_id, context_json) values ($1, '{}')",
        [w.spareBot],
      ],
      update: (w) => [
        `update public.bot_context set context_json = '{"lessons":["x"]}' where bot_id = $1`,
        [w.bot],
      ],
      delete: (w) => ["delete from public.bot_context where bot_id = $1", [w.bot]],
    },
    expected: { select: [A, D, D, A], insert: [A, D, D, A], update: [A, D, D, A], delete: [D, D, D, A] },
  },
  bot_coordination_locks: {
    statements: {
      select: (w) => ["select id from public.bot_coordination_locks where user_id = $1", [w.owner]],
      insert: (w) => [
        `insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, expires_at)
         values ($1, 'another-market', $2, now() + interval '1 minute')`,
        [w.owner, w.bot],
      ],
      update: (w) => [
        "update public.bot_coordination_locks set expires_at = expires_at + interval '1 minute' where user_id = $1",
        [w.owner],
      ],
      delete: (w) => ["delete from public.bot_coordination_locks where user_id = $1", [w.owner]],
    },
    expected: { select: [D, D, D, A], insert: [D, D, D, A], update: [D, D, D, A], delete: [D, D, D, A] },
  },
  bot_schedule: {
    statements: {
      select: (w) => ["select bot_id from public.bot_schedule where bot_id = $1", [w.bot]],
      // The bot is runnable, so a trigger already scheduled it: the insert must not fail on the key.
      insert: (w) => [
        "insert into public.bot_schedule (bot_id) values ($1) on conflict (bot_id) do update set consecutive_failures = 0",
        [w.spareBot],
      ],
      update: (w) => ["update public.bot_schedule set consecutive_failures = 1 where bot_id = $1", [w.bot]],
      delete: (w) => ["delete from public.bot_schedule where bot_id = $1", [w.bot]],
    },
    expected: { select: [D, D, D, A], insert: [D, D, D, A], update: [D, D, D, A], delete: [D, D, D, A] },
  },
  bot_evaluations: {
    statements: {
      select: (w) => ["select id from public.bot_evaluations where bot_id = $1", [w.bot]],
      insert: (w) => [
        "insert into public.bot_evaluations (bot_id, runner_id, mode) values ($1, 'another-runner', 'paper')",
        [w.bot],
      ],
      update: (w) => ["update public.bot_evaluations set reason = 'changed' where bot_id = $1", [w.bot]],
      delete: (w) => ["delete from public.bot_evaluations where bot_id = $1", [w.bot]],
    },
    expected: { select: [A, D, D, A], insert: [D, D, D, A], update: [D, D, D, A], delete: [D, D, D, D] },
  },
  order_intents: {
    statements: {
      select: (w) => ["select id from public.order_intents where bot_id = $1", [w.bot]],
      insert: (w) => [
        `insert into public.order_intents (order_id, bot_id, user_id, mode, market_id, token_id, action, size, limit_price, prepared_order)
         values ('another-order', $1, $2, 'paper', $3, 'fixture-token', 'sell', 1, 0.5, '{}')`,
        [w.bot, w.owner, w.market],
      ],
      update: (w) => [
        "update public.order_intents set failure_code = 'AMBIGUOUS' where bot_id = $1",
        [w.bot],
      ],
      delete: (w) => ["delete from public.order_intents where bot_id = $1", [w.bot]],
    },
    expected: { select: [D, D, D, A], insert: [D, D, D, A], update: [D, D, D, A], delete: [D, D, D, D] },
  },
};

const cases = Object.entries(MATRIX).flatMap(([table, { expected }]) =>
  (Object.keys(expected) as Op[]).flatMap((op) =>
    ACTORS.map((actor, i) => ({ table, op, actor, outcome: expected[op][i] as Expect })),
  ),
);

const t = useTestWorld();

async function attempt(actor: Actor, statement: Statement): Promise<Expect | string> {
  const [text, params] = statement(t.world);
  const outcome = await rolledBack(t.db.raw, async (tx) => {
    await actAs(tx, actor, t.world);
    return tx.query(text, params);
  });
  if (outcome.ok) return outcome.value.rowCount > 0 ? "allowed" : "denied";
  const info = sqlErrorInfo(outcome.error);
  // Anything but "permission denied" / "violates row-level security" is a broken fixture, not a denial.
  return info?.code === "42501"
    ? "denied"
    : `unexpected error ${info?.code}: ${info?.message ?? String(outcome.error)}`;
}

describe("row level security matrix", () => {
  it("covers every public table", async () => {
    const { rows } = await t.db.raw.query<{ relname: string }>(
      "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname",
    );
    expect(rows.map((r) => r.relname)).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(cases)(
    "when $actor tries $op on $table then it is $outcome",
    async ({ table, op, actor, outcome }) => {
      const statement = MATRIX[table]?.statements[op];
      if (!statement) throw new Error(`no statement for ${table}.${op}`);
      expect(await attempt(actor, statement)).toBe(outcome);
    },
  );

  it.each([
    ["owner", "allowed"],
    ["stranger", "denied"],
    ["anon", "denied"],
  ] as const)(
    "when %s lists stored credential ids (no secret columns) then it is %s",
    async (actor, outcome) => {
      const list: Statement = (w) => [
        "select id, created_at from public.api_credentials where user_id = $1",
        [w.owner],
      ];
      expect(await attempt(actor, list)).toBe(outcome);
    },
  );

  it("when a stranger inserts a bot for themselves then it is allowed (their own row)", async () => {
    const own: Statement = (w) => [
      "insert into public.bots (user_id, name) values ($1, 'Mine')",
      [w.stranger],
    ];
    expect(await attempt("stranger", own)).toBe("allowed");
  });
});
