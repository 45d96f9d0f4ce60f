import type { OwnerWorld } from "./owner-world.ts";
import { PLANTED } from "./test-api.ts";

export type Scope = "public" | "user" | "bot";

export interface ProcedureCase {
  readonly kind: "query" | "mutation" | "subscription";
  readonly scope: Scope;
  /** A valid input for the owner. */
  readonly input: (w: OwnerWorld) => unknown;
}

const bot = (w: OwnerWorld) => ({ botId: w.botId });

/** One valid call of every procedure; the matrix test fails when a procedure is missing from this table. */
export const PROCEDURES: Record<string, ProcedureCase> = {
  "auth.signUp": { kind: "mutation", scope: "public", input: () => ({ email: "x@y.z", password: "short" }) },
  "auth.signIn": { kind: "mutation", scope: "public", input: () => ({ email: "x@y.z", password: "short" }) },
  "auth.refresh": { kind: "mutation", scope: "public", input: () => ({ refreshToken: "x".repeat(43) }) },
  "auth.signOut": { kind: "mutation", scope: "public", input: () => ({ refreshToken: "x".repeat(43) }) },
  "auth.demoSession": { kind: "mutation", scope: "public", input: () => undefined },
  "me.get": { kind: "query", scope: "user", input: () => undefined },
  "riskProfile.get": { kind: "query", scope: "user", input: () => undefined },
  "riskProfile.update": { kind: "mutation", scope: "user", input: () => ({ defaultDailyLossUsd: "80" }) },
  "bots.list": { kind: "query", scope: "user", input: () => undefined },
  "bots.byId": { kind: "query", scope: "bot", input: bot },
  "bots.create": {
    kind: "mutation",
    scope: "user",
    input: () => ({ name: "New bot", strategyPrompt: "Buy cheap YES." }),
  },
  "bots.update": {
    kind: "mutation",
    scope: "bot",
    input: (w) => ({ botId: w.botId, settings: { name: "Renamed" } }),
  },
  "bots.pause": { kind: "mutation", scope: "bot", input: bot },
  "bots.resume": { kind: "mutation", scope: "bot", input: bot },
  "bots.killSwitch": { kind: "mutation", scope: "user", input: () => undefined },
  "bots.runNow": { kind: "mutation", scope: "bot", input: bot },
  "bots.archive": { kind: "mutation", scope: "bot", input: (w) => ({ botId: w.spareBotId }) },
  "bots.goLiveConditions": { kind: "query", scope: "bot", input: bot },
  "bots.goLive": {
    kind: "mutation",
    scope: "bot",
    input: (w) => ({ botId: w.botId, confirmation: "Renamed" }),
  },
  "strategy.templates": { kind: "query", scope: "public", input: () => undefined },
  "strategy.compilePreview": {
    kind: "mutation",
    scope: "user",
    input: () => ({ strategyPrompt: "Buy cheap YES.", modelId: "not-in/catalog" }),
  },
  "credentials.store": { kind: "mutation", scope: "user", input: () => ({ privateKey: PLANTED.privateKey }) },
  "credentials.status": { kind: "query", scope: "user", input: () => undefined },
  "credentials.delete": { kind: "mutation", scope: "user", input: () => undefined },
  "trades.list": { kind: "query", scope: "user", input: () => ({}) },
  "positions.list": { kind: "query", scope: "user", input: () => ({}) },
  "evaluations.list": { kind: "query", scope: "bot", input: bot },
  "evaluations.byId": { kind: "query", scope: "bot", input: (w) => ({ evaluationId: w.evaluationId }) },
  "failures.list": { kind: "query", scope: "bot", input: bot },
  "memory.get": { kind: "query", scope: "bot", input: bot },
  "stats.pnlPerDay": { kind: "query", scope: "user", input: () => ({ days: 7 }) },
  "stats.bot": { kind: "query", scope: "bot", input: bot },
  "stats.overview": { kind: "query", scope: "user", input: () => ({ mode: "paper" }) },
  "markets.list": { kind: "query", scope: "public", input: () => ({}) },
  "markets.byId": { kind: "query", scope: "public", input: (w) => ({ conditionId: w.marketId }) },
  "models.list": { kind: "query", scope: "public", input: () => undefined },
  "live.trades": { kind: "subscription", scope: "user", input: () => ({}) },
  "live.evaluations": { kind: "subscription", scope: "user", input: () => ({}) },
  "live.botStatus": { kind: "subscription", scope: "user", input: () => ({}) },
};
