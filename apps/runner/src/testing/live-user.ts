import { randomBytes } from "node:crypto";
import { storeCredentials } from "@open-trade/db";
import { asService, parseOpeningKeys } from "@open-trade/db/service";
import type { Execution } from "@open-trade/polymarket";
import { liveExecutionFor } from "../live/live-execution-for.ts";
import type { RunnerWorld } from "./runner-world.ts";

// A well-known development key (Hardhat account 2): it holds nothing anywhere.
const TEST_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

/** A user whose Polymarket key is stored encrypted, and the runner's `live` dependency for the world's exchange. */
export async function createLiveUser(
  w: RunnerWorld,
): Promise<{ readonly user: string; readonly live: (userId: string) => Promise<Execution> }> {
  const opener = parseOpeningKeys(`k1:${randomBytes(32).toString("base64")}`);
  const user = await w.createUser("pro");
  await asService(w.db.db, (tx) => storeCredentials(tx, opener.active, user, { privateKey: TEST_KEY }));
  const live = liveExecutionFor({
    db: w.db.db,
    opener,
    clobUrl: w.exchange.clobUrl,
    marketData: w.marketData,
  });
  return { user, live };
}
