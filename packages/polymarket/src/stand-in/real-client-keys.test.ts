import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StandInExchange, startStandInExchange } from "./index.ts";
import {
  type ApiKeyCreds,
  ClobClient,
  clientFor as clientOn,
  KEYS,
  walletFor,
} from "./real-client-fixture.ts";

let exchange: StandInExchange;

const clientFor = (key: `0x${string}`) => clientOn(exchange, key);

beforeAll(async () => {
  exchange = await startStandInExchange({ simulate: false });
});

afterAll(async () => {
  await exchange.close();
});

describe("API keys over L1", () => {
  it("when a key is created and then created again then the second call derives the same credentials", async () => {
    const signer = walletFor(KEYS[1]);
    const client = new ClobClient({ host: exchange.clobUrl, chain: 137, signer });
    const first = await client.createOrDeriveApiKey(5);
    const again = await client.createOrDeriveApiKey(5);
    const derived = await client.deriveApiKey(5);
    expect(first.key).toMatch(/^[0-9a-f-]{36}$/);
    expect([again, derived]).toEqual([first, first]);
  });

  it("when a key has never been created then derive answers the exchange's 400", async () => {
    const client = new ClobClient({
      host: exchange.clobUrl,
      chain: 137,
      signer: walletFor(KEYS[1]),
      throwOnError: true,
    });
    await expect(client.deriveApiKey(99)).rejects.toMatchObject({ status: 400 });
  });

  it("when the L2 secret is wrong then an authenticated call is refused with 401", async () => {
    const { creds, signer } = await clientFor(KEYS[0]);
    const forged: ApiKeyCreds = { ...creds, secret: Buffer.alloc(32, 7).toString("base64") };
    const client = new ClobClient({ host: exchange.clobUrl, chain: 137, signer, creds: forged });
    expect(await client.getApiKeys()).toMatchObject({ error: "Unauthorized/Invalid api key", status: 401 });
  });

  it("when the account's key list and pre-migration orders are read then the key is listed and no V1 orders exist", async () => {
    const { client, creds } = await clientFor(KEYS[0]);
    const listed = (await client.getApiKeys()) as unknown as { apiKeys: string[] };
    expect(listed.apiKeys).toContain(creds.key);
    expect(await client.getPreMigrationOrders()).toEqual([]);
  });
});
