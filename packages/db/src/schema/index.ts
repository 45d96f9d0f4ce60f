// The Drizzle mirror of supabase/migrations. The SQL is the source of truth; schema-drift.test.ts proves they agree.
export * from "./api-credentials.ts";
export * from "./bot-context.ts";
export * from "./bot-coordination-locks.ts";
export * from "./bot-evaluations.ts";
export * from "./bot-failures.ts";
export * from "./bot-schedule.ts";
export * from "./bots.ts";
export * from "./enums.ts";
export * from "./ledger-pnl.ts";
export * from "./order-intents.ts";
export * from "./positions.ts";
export * from "./relations.ts";
export * from "./trade-logs.ts";
export * from "./user-risk-profiles.ts";
export * from "./users.ts";
