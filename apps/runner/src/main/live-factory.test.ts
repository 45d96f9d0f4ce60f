import { randomBytes } from "node:crypto";
import type { Connection } from "@open-trade/db";
import { openIsolatedTestDatabase } from "@open-trade/db/testing";
import type { MarketData } from "@open-trade/polymarket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRunnerEnv } from "../env.ts";
import { MissingCredentialsError } from "../live/live-execution-for.ts";
import { LiveUnavailableError, liveFactory } from "./live-factory.ts";
import type { MarketDataSource } from "./pick-market-data.ts";

const KEYS = `k1:${randomBytes(32).toString("base64")}`;
const source = (simulated: boolean): MarketDataSource => ({
  marketData: {} as MarketData,
  simulated,
  clobUrl: "http://127.0.0.1:9",
  label: "",
  why: "",
  close: async () => {},
});
const codeOf = (error: unknown) =>
  error instanceof LiveUnavailableError
    ? error.code
    : error instanceof MissingCredentialsError
      ? error.name
      : "OTHER";

let connection: Connection;
beforeAll(async () => {
  connection = await openIsolatedTestDatabase();
});
afterAll(async () => {
  await connection?.close();
});

describe("liveFactory", () => {
  it.each<[string, boolean, NodeJS.ProcessEnv, string]>([
    ["market data is simulated", true, { OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: KEYS }, "SIMULATED_MARKET_DATA"],
    ["no keyring is configured", false, {}, "NO_KEYRING"],
    [
      "the user stored no credentials",
      false,
      { OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: KEYS },
      "MissingCredentialsError",
    ],
  ])("when %s then asking for a live execution fails with its code", async (_name, simulated, vars, code) => {
    const live = liveFactory(readRunnerEnv(vars), connection.db, source(simulated));
    const error = await live("00000000-0000-4000-8000-00000000dead").then(
      () => null,
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe(code);
  });
});
