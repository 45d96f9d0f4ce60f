import { TIER_RULES } from "@open-trade/risk-engine";
import { authedProcedure, router } from "../trpc.ts";

export const meRouter = router({
  /** Who is signed in, their tier and what it allows. */
  get: authedProcedure.query(({ ctx }) => {
    const rule = TIER_RULES[ctx.me.tier];
    return {
      id: ctx.me.id,
      email: ctx.me.email,
      tier: ctx.me.tier,
      tierAllows: {
        maxBots: rule.maxBots,
        liveTrading: rule.liveTradingAllowed,
        minPollingMinutes: rule.minPollingMinutes,
      },
    };
  }),
});
