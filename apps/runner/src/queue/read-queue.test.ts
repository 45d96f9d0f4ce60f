import type { Connection } from "@open-trade/db";
import { openIsolatedTestDatabase } from "@open-trade/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BOTS, DEMO_USER_ID } from "../demo/demo-bots.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { readQueue } from "./read-queue.ts";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();
const ids = DEMO_BOTS.map((b) => b.id);
let connection: Connection;

beforeAll(async () => {
  connection = await openIsolatedTestDatabase();
  await connection.raw.query("delete from auth.users where id = $1", [DEMO_USER_ID]);
  await seedDemo(connection.raw);
});
afterAll(async () => {
  await connection?.close();
});

describe("readQueue", () => {
  it.each<[string, [string, string | null][], number, string | null]>([
    ["nothing is scheduled", [], 0, null],
    [
      "two bots are due and one is not yet",
      [
        [ago(30), null],
        [ago(5), null],
        [ago(-60), null],
      ],
      2,
      ago(30),
    ],
    [
      "the oldest due bot is leased",
      [
        [ago(30), ago(-10)],
        [ago(5), null],
        [ago(1), null],
      ],
      2,
      ago(5),
    ],
    [
      "a lease has expired",
      [
        [ago(30), ago(1)],
        [ago(-5), null],
        [ago(-5), null],
      ],
      1,
      ago(30),
    ],
  ])("when %s then due and oldest are counted as the scheduler would", async (_name, rows, due, oldest) => {
    await connection.raw.query("delete from public.bot_schedule where bot_id = any($1::uuid[])", [ids]);
    for (const [i, [nextRunAt, leaseExpiresAt]] of rows.entries()) {
      await connection.raw.query(
        `insert into public.bot_schedule (bot_id, next_run_at, lease_owner, lease_expires_at)
         values ($1, $2::timestamptz, $3, $4::timestamptz)`,
        [ids[i], nextRunAt, leaseExpiresAt === null ? null : "r-1", leaseExpiresAt],
      );
    }
    const snapshot = await readQueue(connection.db, NOW);
    expect([snapshot.dueBots, snapshot.oldestDueAt?.toISOString() ?? null]).toEqual([due, oldest]);
  });
});
