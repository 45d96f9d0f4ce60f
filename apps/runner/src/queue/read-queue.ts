import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import type { QueueSnapshot } from "../observe/health-check.ts";
import { dueBots } from "../store/schedule.ts";

/** How many bots wait to be claimed, and since when: feeds /healthz and the queue gauges. */
export function readQueue(db: Database, now: Date): Promise<QueueSnapshot> {
  return asService(db, (tx) => dueBots(tx, now.getTime()));
}
