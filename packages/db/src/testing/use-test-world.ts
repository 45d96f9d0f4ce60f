import { afterAll, beforeAll } from "vitest";
import type { Connection } from "../client/connect.ts";
import { createWorld, type World } from "./fixtures.ts";
import { openTestDatabase } from "./test-database.ts";

/** Opens the suite's database and commits a fresh World for this file; read the fields inside tests. */
export function useTestWorld(): { readonly db: Connection; readonly world: World } {
  const state = {} as { db: Connection; world: World };
  beforeAll(async () => {
    state.db = await openTestDatabase();
    state.world = await createWorld(state.db.raw);
  });
  afterAll(async () => {
    await state.db?.close();
  });
  return state;
}
