import { usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantModel, TEST_MODEL } from "../testing/instant-model.ts";
import {
  BOOK,
  CHEAP_YES,
  MODEL_BUYS_YES,
  openRunnerWorld,
  type RunnerWorld,
} from "../testing/runner-world.ts";
import { MAX_CONSECUTIVE_FAILURES } from "./evaluate-bot.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

const JUDGED = {
  ...CHEAP_YES,
  entry: { ...CHEAP_YES.entry, judgement: { instruction: "Buy when it looks cheap.", minConfidence: 50 } },
};

const row = async <T>(text: string, params: unknown[]) =>
  (await w.db.raw.query<T>(text, params)).rows[0] as T;
const dueNow = (bot: string) =>
  w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);

describe("model-driven bots", () => {
  it("when the model answers then the trade is recorded with its reasoning, tokens and exact cost, and the reservation is settled", async () => {
    const model = instantModel(() => MODEL_BUYS_YES);
    const bot = await w.createBot(await w.createUser(), { recipe: JUDGED, modelId: TEST_MODEL });
    const summary = await w.runner({ llm: model.llm }).runNow(bot);
    expect(summary.outcome).toBe("filled");
    const evaluation = await row<{
      model: string;
      input: number;
      output: number;
      billed: string;
      reserved: string;
      decided: string;
    }>(
      `select model_id as model, llm_input_tokens as input, llm_output_tokens as output, llm_billed_usd::text as billed,
              llm_reserved_usd::text as reserved, decided_by as decided from public.bot_evaluations where bot_id = $1`,
      [bot],
    );
    expect(evaluation).toMatchObject({ model: TEST_MODEL, input: 1200, output: 80, decided: TEST_MODEL });
    expect(usd(evaluation.billed) > 0n).toBe(true);
    expect(usd(evaluation.reserved)).toBe(0n);
    const trade = await row<{ reasoning: string }>(
      "select ai_reasoning as reasoning from public.trade_logs where bot_id = $1",
      [bot],
    );
    expect(trade.reasoning).toBe("YES looks cheap.");
  });

  it("when the model is down then the bot pauses as ai_unavailable with an api_error failure, and resumes when it is back", async () => {
    const model = instantModel(() => MODEL_BUYS_YES);
    const runner = w.runner({ llm: model.llm });
    const bot = await w.createBot(await w.createUser(), { recipe: JUDGED, modelId: TEST_MODEL });
    model.setDown(true);
    const down = await runner.runNow(bot);
    expect(down).toMatchObject({ outcome: "failed", status: "paused:ai_unavailable" });
    const failure = await row<{ type: string; note: string; wait_min: number }>(
      `select f.error_type::text as type, f.adaptation_note as note,
              round(extract(epoch from (s.next_run_at - now())) / 60)::int as wait_min
         from public.bot_failures f join public.bot_schedule s on s.bot_id = f.bot_id where f.bot_id = $1`,
      [bot],
    );
    expect(failure.type).toBe("api_error");
    expect(failure.note.length).toBeGreaterThan(0);
    expect(failure.wait_min).toBe(10);
    model.setDown(false);
    await dueNow(bot);
    const back = await runner.runNow(bot);
    expect(back).toMatchObject({ outcome: "filled", status: "paper" });
  });
});

describe("failures and limits", () => {
  it(`when a bot fails ${MAX_CONSECUTIVE_FAILURES} times in a row then it stops in error with the reason`, async () => {
    const bot = await w.createBot(await w.createUser());
    await w.db.raw.query(`update public.bots set recipe_json = '{"version": 99}' where id = $1`, [bot]);
    const runner = w.runner();
    const statuses: string[] = [];
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES; i += 1) {
      statuses.push((await runner.runNow(bot)).status);
      await dueNow(bot);
    }
    expect(statuses).toEqual([...Array(MAX_CONSECUTIVE_FAILURES - 1).fill("paper"), "error"]);
    const schedule = await row<{ failures: number; error: string }>(
      "select consecutive_failures as failures, last_error as error from public.bot_schedule where bot_id = $1",
      [bot],
    );
    expect(schedule.failures).toBe(MAX_CONSECUTIVE_FAILURES);
    expect(schedule.error).toMatch(/recipe/);
  });

  it("when the daily loss limit is reached then the bot turns reduce-only and a new buy is denied", async () => {
    const bot = await w.createBot(await w.createUser(), { maxDailyLossUsd: "0.3" });
    const runner = w.runner();
    expect((await runner.runNow(bot)).outcome).toBe("filled");
    const second = w.exchange.addMarket(
      { question: `Will another test pass? ${bot}`, category: "politics", feeRateBps: 0 },
      BOOK,
    );
    w.exchange.setBook(second.tokens[0]?.tokenId ?? "", BOOK);
    await dueNow(bot);
    const reducing = await runner.runNow(bot);
    expect(reducing).toMatchObject({ outcome: "denied", tradingState: "REDUCING" });
    expect(reducing.denialCodes).toContain("DAILY_LOSS_LIMIT_REACHED");
    const schedule = await row<{ reached: boolean }>(
      "select daily_loss_reached_at is not null as reached from public.bot_schedule where bot_id = $1",
      [bot],
    );
    expect(schedule.reached).toBe(true);
  });
});
