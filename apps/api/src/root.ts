import { authRouter } from "./routers/auth.ts";
import { botsRouter } from "./routers/bots.ts";
import { credentialsRouter } from "./routers/credentials.ts";
import { evaluationsRouter } from "./routers/evaluations.ts";
import { failuresRouter } from "./routers/failures.ts";
import { liveRouter } from "./routers/live.ts";
import { marketsRouter } from "./routers/markets.ts";
import { meRouter } from "./routers/me.ts";
import { memoryRouter } from "./routers/memory.ts";
import { modelsRouter } from "./routers/models.ts";
import { positionsRouter } from "./routers/positions.ts";
import { riskProfileRouter } from "./routers/risk-profile.ts";
import { statsRouter } from "./routers/stats.ts";
import { strategyRouter } from "./routers/strategy.ts";
import { tradesRouter } from "./routers/trades.ts";
import { router } from "./trpc.ts";

/** One small router per domain, flat. */
export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  riskProfile: riskProfileRouter,
  bots: botsRouter,
  strategy: strategyRouter,
  credentials: credentialsRouter,
  trades: tradesRouter,
  positions: positionsRouter,
  evaluations: evaluationsRouter,
  failures: failuresRouter,
  memory: memoryRouter,
  stats: statsRouter,
  markets: marketsRouter,
  models: modelsRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;
