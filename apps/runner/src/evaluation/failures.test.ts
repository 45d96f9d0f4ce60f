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
    const down = async () => {
      throw new Error("market list unreachable");
    };
    const runner = w.runner({ marketData: { ...w.marketData, listMarkets: down } });
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
    expect(schedule.error).toMatch(/market list unreachable/);
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

describe("model output and model spend", () => {
  it.each([
    ["a market that is not a candidate", { market: "m9" }, "NOT_A_CANDIDATE"],
    ["the outcome the recipe does not buy", { outcome: "NO" }, "OUTCOME_AGAINST_RECIPE"],
    ["an oversized order", { amount: { unit: "usd", value: "50" } }, "SIZE_ABOVE_RECIPE"],
  ])(
    "when the model keeps answering with %s then each evaluation is denied with the code and the bot never stops",
    async (_what, patch, code) => {
      const model = instantModel(() => ({ ...MODEL_BUYS_YES, ...patch }));
      const bot = await w.createBot(await w.createUser(), { recipe: JUDGED, modelId: TEST_MODEL });
      const runner = w.runner({ llm: model.llm });
      const statuses: string[] = [];
      for (let i = 0; i <= MAX_CONSECUTIVE_FAILURES; i += 1) {
        const summary = await runner.runNow(bot);
        expect(summary).toMatchObject({ outcome: "denied" });
        expect(summary.denialCodes).toContain(code);
        statuses.push(summary.status);
        await dueNow(bot);
      }
      expect(new Set(statuses)).toEqual(new Set(["paper"]));
      const stored = await row<{ codes: string[]; failures: number }>(
        `select e.denial_codes as codes, s.consecutive_failures as failures from public.bot_evaluations e
           join public.bot_schedule s on s.bot_id = e.bot_id where e.bot_id = $1 order by e.started_at desc limit 1`,
        [bot],
      );
      expect(stored.codes).toContain(code);
      expect(stored.failures).toBe(0);
    },
  );

  it("when the user's other bots used up the tier's daily model spend then the model is not asked and the code is recorded", async () => {
    const model = instantModel(() => MODEL_BUYS_YES);
    const user = await w.createUser("basic");
    const spender = await w.createBot(user);
    const bot = await w.createBot(user, { recipe: JUDGED, modelId: TEST_MODEL });
    await w.db.raw.query(
      `insert into public.bot_evaluations (bot_id, runner_id, mode, outcome, llm_billed_usd, finished_at)
       values ($1, 'elsewhere', 'paper', 'hold', 10, now())`,
      [spender],
    );
    const summary = await w.runner({ llm: model.llm }).runNow(bot);
    expect(summary).toMatchObject({ outcome: "skipped", denialCodes: ["USER_LLM_BUDGET_EXCEEDED"] });
    expect(model.calls()).toBe(0);
  });

  it("when the bot's own model budget is used up then the skip records LLM_BUDGET_EXCEEDED", async () => {
    const model = instantModel(() => MODEL_BUYS_YES);
    const bot = await w.createBot(await w.createUser(), { recipe: JUDGED, modelId: TEST_MODEL });
    await w.db.raw.query("update public.bots set max_daily_llm_cost_usd = 0 where id = $1", [bot]);
    const summary = await w.runner({ llm: model.llm }).runNow(bot);
    expect(summary).toMatchObject({ outcome: "skipped", denialCodes: ["LLM_BUDGET_EXCEEDED"] });
    const stored = await row<{ codes: string[] }>(
      "select denial_codes as codes from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(stored.codes).toEqual(["LLM_BUDGET_EXCEEDED"]);
    expect(model.calls()).toBe(0);
  });

  it("when the model's reasoning quotes an API key then the stored reason and ledger row hold it redacted", async () => {
    const key = `sk-or-v1-${"a1B2c3D4".repeat(6)}`;
    const model = instantModel(() => ({ ...MODEL_BUYS_YES, reasoning: `The page said ${key}, buying.` }));
    const bot = await w.createBot(await w.createUser(), { recipe: JUDGED, modelId: TEST_MODEL });
    const summary = await w.runner({ llm: model.llm }).runNow(bot);
    expect(summary.reason).toBe("The page said [REDACTED], buying.");
    const stored = await row<{ reason: string; reasoning: string }>(
      `select e.reason, t.ai_reasoning as reasoning from public.bot_evaluations e
         join public.trade_logs t on t.bot_id = e.bot_id where e.bot_id = $1`,
      [bot],
    );
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored.reasoning).toContain("[REDACTED]");
  });
});
