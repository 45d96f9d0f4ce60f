import { describe, expect, it } from "vitest";
import { sqlErrorInfo } from "../src/client/raw-sql.ts";
import { actAs, rolledBack } from "../src/testing/rolled-back.ts";
import { useTestWorld } from "../src/testing/use-test-world.ts";

// The table owner (the migrating superuser here) is the one role grants cannot stop: the triggers must.
const LEDGER_APPEND_ONLY = "OT001";
// ON DELETE RESTRICT: PostgreSQL 15 reports foreign_key_violation, 18 (PGlite) the newer restrict_violation.
const FOREIGN_KEY_REFUSED = ["23503", "23001"];

const t = useTestWorld();

const changes = [
  ["update", "update public.trade_logs set execution_price = 0.99 where bot_id = $1"],
  ["delete", "delete from public.trade_logs where bot_id = $1"],
  ["truncate", "truncate public.trade_logs cascade"],
] as const;

describe("the ledger is append-only", () => {
  it.each(changes)("when the table owner tries %s then the trigger refuses it", async (_name, text) => {
    const outcome = await rolledBack(t.db.raw, (tx) =>
      tx.query(text, text.includes("$1") ? [t.world.bot] : []),
    );
    expect(outcome.ok).toBe(false);
    expect(sqlErrorInfo(!outcome.ok && outcome.error)?.code).toBe(LEDGER_APPEND_ONLY);
  });

  it.each(changes)(
    "when the owner tries %s with session_replication_role = replica then the ALWAYS trigger still refuses it",
    async (_name, text) => {
      const outcome = await rolledBack(t.db.raw, async (tx) => {
        await tx.exec("set local session_replication_role = replica");
        return tx.query(text, text.includes("$1") ? [t.world.bot] : []);
      });
      expect(sqlErrorInfo(!outcome.ok && outcome.error)?.code).toBe(LEDGER_APPEND_ONLY);
    },
  );

  it.each(changes)("when the service role tries %s then permission is denied", async (_name, text) => {
    const outcome = await rolledBack(t.db.raw, async (tx) => {
      await actAs(tx, "service", t.world);
      return tx.query(text, text.includes("$1") ? [t.world.bot] : []);
    });
    expect(sqlErrorInfo(!outcome.ok && outcome.error)?.code).toBe("42501");
  });

  it("when the owner deletes a bot that has ledger rows then the restricting foreign key refuses it", async () => {
    const outcome = await rolledBack(t.db.raw, (tx) =>
      tx.query("delete from public.bots where id = $1", [t.world.bot]),
    );
    const info = sqlErrorInfo(!outcome.ok && outcome.error);
    expect(FOREIGN_KEY_REFUSED).toContain(info?.code);
    expect(info?.constraint).toBe("trade_logs_bot_id_fkey");
  });

  it("when an auth user with ledger rows is deleted then nothing is lost", async () => {
    const outcome = await rolledBack(t.db.raw, (tx) =>
      tx.query("delete from auth.users where id = $1", [t.world.owner]),
    );
    expect(FOREIGN_KEY_REFUSED).toContain(sqlErrorInfo(!outcome.ok && outcome.error)?.code);
    const { rows } = await t.db.raw.query("select id from public.trade_logs where bot_id = $1", [
      t.world.bot,
    ]);
    expect(rows).toHaveLength(1);
  });

  it("when the service role appends a row then it is stored", async () => {
    const outcome = await rolledBack(t.db.raw, async (tx) => {
      await actAs(tx, "service", t.world);
      await tx.query(
        "insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price) values ($1, $2, 'paper', 'sell', 4, 0.61)",
        [t.world.bot, t.world.market],
      );
      return tx.query<{ n: number }>("select count(*)::int as n from public.trade_logs where bot_id = $1", [
        t.world.bot,
      ]);
    });
    expect(outcome.ok && outcome.value.rows[0]?.n).toBe(2);
  });
});
