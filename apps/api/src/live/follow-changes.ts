import { on } from "node:events";
import { type Transaction, withUser } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import { sql } from "drizzle-orm";
import type { VerifiedUser } from "../auth/authenticator.ts";
import type { ApiDeps } from "../context.ts";
import type { Change } from "./change-feed.ts";

export interface FollowOptions<Row extends { id: string; botId: string }> {
  readonly deps: ApiDeps;
  readonly user: VerifiedUser;
  readonly table: Change["table"];
  readonly botId: string | undefined;
  readonly lastEventId: string | null | undefined;
  readonly signal: AbortSignal | undefined;
  /** The event id a row is tracked by: what the client sends back as its last event id when it reconnects. */
  readonly eventId: (row: Row) => string;
  /** Rows after the one with that event id, oldest first (explicitly filtered by the user's bots); [] for an id it cannot read. */
  readonly replay: (tx: Transaction, lastEventId: string) => Promise<Row[]>;
  /** One row by id, or null when the user may not see it. */
  readonly load: (tx: Transaction, id: string) => Promise<Row | null>;
  /** What makes a later event of the same row news (an evaluation's outcome); unset, a row is sent once. */
  readonly version?: (row: Row) => string;
}

const REMEMBERED = 2_000;

/**
 * A live stream of one kind of row: first what the client missed since `lastEventId` (a reconnect), then each
 * change as it commits, every event tracked by its event id (a trade's ledger sequence). Listening starts before the replay
 * query so nothing committed in between is lost; a row already sent in the same version is skipped.
 */
export async function* followChanges<Row extends { id: string; botId: string }>(
  options: FollowOptions<Row>,
): AsyncGenerator<TrackedEnvelope<Row>> {
  const { deps, user, signal } = options;
  const asUser = <T>(fn: (tx: Transaction) => Promise<T>) => withUser(deps.db, user.claims, fn);
  const changes = on(deps.changes.events, "change", signal ? { signal } : {});
  const sent = new Set<string>();
  const keyOf = (row: Row) => `${options.eventId(row)}|${options.version?.(row) ?? ""}`;
  const remember = (row: Row) => {
    sent.add(keyOf(row));
    if (sent.size > REMEMBERED) sent.delete(sent.values().next().value as string);
  };
  const owned = new Map<string, boolean>();
  const owns = async (botId: string) => {
    if (options.botId && botId !== options.botId) return false;
    let known = owned.get(botId);
    if (known === undefined) {
      known = await asUser(async (tx) => {
        const rows = await selectRows(
          tx,
          sql`select 1 from public.bots where id = ${botId} and user_id = ${user.id}`,
        );
        return rows.length > 0;
      });
      owned.set(botId, known);
    }
    return known;
  };

  try {
    const after = options.lastEventId;
    if (after) {
      for (const row of await asUser((tx) => options.replay(tx, after))) {
        remember(row);
        yield tracked(options.eventId(row), row);
      }
    }
    for await (const [change] of changes as AsyncIterable<[Change]>) {
      if (change.table !== options.table || !(await owns(change.botId))) continue;
      const row = await asUser((tx) => options.load(tx, change.id));
      if (!row || sent.has(keyOf(row))) continue;
      remember(row);
      yield tracked(options.eventId(row), row);
    }
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
