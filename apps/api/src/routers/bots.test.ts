import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLANTED, type Session, startTestApi, type TestApi } from "../testing/test-api.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

const create = (s: Session, input: unknown) => t.call("bots.create", input, s.accessToken, "mutation");
const botIdOf = (res: Awaited<ReturnType<typeof create>>) =>
  (res.body.result?.data as { id: string } | undefined)?.id ?? "";

describe("bots", () => {
  it("when several settings are invalid for the tier then every one is reported at once, with the tier's bounds", async () => {
    const free = await t.signUp("free");
    const res = await create(free, {
      name: "Too eager",
      strategyPrompt: "Buy everything.",
      pollingFrequencyMinutes: 5,
      maxDailyLossUsd: "0",
      maxPositionSizeUsd: "0",
    });
    expect(res.status).toBe(400);
    const errors = res.body.error?.data.fieldErrors ?? {};
    expect(Object.keys(errors).sort()).toEqual([
      "maxDailyLossUsd",
      "maxPositionSizeUsd",
      "pollingFrequencyMinutes",
    ]);
    expect(errors.pollingFrequencyMinutes?.[0]).toMatch(/free tier polls at most every 60 minutes/);
  });

  it("when a bot's name or strategy holds a NUL character then the answer is a 400 saying so, not a 500", async () => {
    const basic = await t.signUp("basic");
    const name = await create(basic, { name: "Nul\u0000bot", strategyPrompt: "Buy cheap YES." });
    const prompt = await create(basic, { name: "Fine", strategyPrompt: "Buy\u0000 cheap YES." });
    expect([name.status, prompt.status]).toEqual([400, 400]);
    expect(name.body.error?.message).toMatch(/NUL character/);
  });

  it("when a free user creates a second bot then the tier's limit is the answer, and the first bot exists", async () => {
    const free = await t.signUp("free");
    const first = await create(free, { name: "One", strategyPrompt: "Buy cheap YES." });
    expect(first.status).toBe(200);
    expect(first.body.result?.data).toMatchObject({ status: "paused", mode: "paper" });
    const second = await create(free, { name: "Two", strategyPrompt: "Buy cheap NO." });
    expect(second.status).toBe(403);
    expect(second.body.error?.message).toMatch(/free tier allows 1 bot/);
  });

  it("when a bot is updated then the whole result is validated and only the given fields change", async () => {
    const pro = await t.signUp("pro");
    const botId = botIdOf(
      await create(pro, { name: "Steady", strategyPrompt: "Buy cheap YES.", maxTradesPerDay: 7 }),
    );
    const bad = await t.call(
      "bots.update",
      { botId, settings: { maxDailyLossUsd: "0" } },
      pro.accessToken,
      "mutation",
    );
    expect(bad.status).toBe(400);
    const good = await t.call(
      "bots.update",
      { botId, settings: { maxDailyLossUsd: "12.345678" } },
      pro.accessToken,
      "mutation",
    );
    expect(good.body.result?.data).toMatchObject({
      settings: { name: "Steady", maxTradesPerDay: 7, maxDailyLossUsd: "12.345678" },
    });
  });

  it("when a bot is resumed, run now, killed and archived then its status follows and run-now is queued", async () => {
    const pro = await t.signUp("pro");
    const botId = botIdOf(await create(pro, { name: "Runner", strategyPrompt: "Buy cheap YES." }));
    const paused = await t.call("bots.runNow", { botId }, pro.accessToken, "mutation");
    expect(paused.status).toBe(412);
    expect(
      (await t.call("bots.resume", { botId }, pro.accessToken, "mutation")).body.result?.data,
    ).toMatchObject({
      status: "paper",
    });
    expect((await t.call("bots.runNow", { botId }, pro.accessToken, "mutation")).status).toBe(200);
    const { rows } = await t.db.raw.query<{ due: boolean }>(
      "select next_run_at <= now() as due from public.bot_schedule where bot_id = $1",
      [botId],
    );
    expect(rows).toEqual([{ due: true }]);
    const killed = await t.call("bots.killSwitch", undefined, pro.accessToken, "mutation");
    expect(killed.body.result?.data).toMatchObject({ haltedBotIds: [botId] });
    const archived = await t.call("bots.archive", { botId }, pro.accessToken, "mutation");
    expect(archived.body.result?.data).toMatchObject({ status: "paused" });
    const list = await t.call("bots.list", undefined, pro.accessToken);
    expect(list.body.result?.data).toEqual([]);
    expect((await t.call("bots.resume", { botId }, pro.accessToken, "mutation")).status).toBe(409);
  });

  it("when going live is asked too early then each unmet condition is named, and once all hold the bot is live", async () => {
    const basic = await t.signUp("basic");
    const botId = botIdOf(await create(basic, { name: "Real money", strategyPrompt: "Buy cheap YES." }));
    const early = await t.call(
      "bots.goLive",
      { botId, confirmation: "real money" },
      basic.accessToken,
      "mutation",
    );
    expect(early.status).toBe(412);
    const reasons = (early.body.error?.data as { reasons?: { code: string }[] } | undefined)?.reasons?.map(
      (r) => r.code,
    );
    expect(reasons).toEqual(["CREDENTIALS_STORED", "LIMITS_SET", "CONFIRMED"]);

    await t.call("credentials.store", { privateKey: PLANTED.privateKey }, basic.accessToken, "mutation");
    await t.call(
      "bots.update",
      {
        botId,
        settings: {
          maxDailyLossUsd: "20",
          maxPositionSizeUsd: "10",
          riskBudgetUsd: "100",
          pollingFrequencyMinutes: 30,
        },
      },
      basic.accessToken,
      "mutation",
    );
    const conditions = await t.call("bots.goLiveConditions", { botId }, basic.accessToken);
    expect(((conditions.body.result?.data ?? []) as { met: boolean }[]).every((c) => c.met)).toBe(true);
    const live = await t.call(
      "bots.goLive",
      { botId, confirmation: "Real money" },
      basic.accessToken,
      "mutation",
    );
    expect(live.body.result?.data).toMatchObject({ status: "live", mode: "live" });
  });

  it("when a free user asks to go live then the tier is the reason", async () => {
    const free = await t.signUp("free");
    const botId = botIdOf(await create(free, { name: "Dreamer", strategyPrompt: "Buy cheap YES." }));
    const res = await t.call("bots.goLive", { botId, confirmation: "Dreamer" }, free.accessToken, "mutation");
    const reasons = (res.body.error?.data as { reasons?: { code: string }[] } | undefined)?.reasons?.map(
      (r) => r.code,
    );
    expect(reasons).toContain("TIER_ALLOWS_LIVE");
  });
});

describe("credentials", () => {
  it("when credentials are stored then the wallet address comes back, status says when, and no secret ever does", async () => {
    const pro = await t.signUp("pro");
    const stored = await t.call(
      "credentials.store",
      {
        privateKey: `0x${PLANTED.privateKey}`,
        apiKey: "key-1",
        apiSecret: PLANTED.apiSecret,
        passphrase: PLANTED.passphrase,
      },
      pro.accessToken,
      "mutation",
    );
    expect(stored.body.result?.data).toMatchObject({
      stored: true,
      walletAddress: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
    });
    const status = await t.call("credentials.status", undefined, pro.accessToken);
    expect(status.body.result?.data).toMatchObject({
      stored: true,
      storedAt: expect.any(String),
      walletAddress: (stored.body.result?.data as { walletAddress: string } | undefined)?.walletAddress,
    });
    const { rows } = await t.db.raw.query<{ private_key: string }>(
      "select private_key from public.api_credentials where user_id = $1",
      [pro.userId],
    );
    expect(rows[0]?.private_key).toMatch(/^otc2\./);
    expect(
      (await t.call("credentials.delete", undefined, pro.accessToken, "mutation")).body.result?.data,
    ).toEqual({ deleted: 1 });
    expect((await t.call("credentials.status", undefined, pro.accessToken)).body.result?.data).toEqual({
      stored: false,
    });
    const everything = t.captured.join("\n");
    for (const secret of [PLANTED.privateKey, PLANTED.apiSecret, PLANTED.passphrase])
      expect(everything).not.toContain(secret);
  });
});
