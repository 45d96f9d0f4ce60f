import { relations } from "drizzle-orm";
import { apiCredentials } from "./api-credentials.ts";
import { botContext } from "./bot-context.ts";
import { botCoordinationLocks } from "./bot-coordination-locks.ts";
import { botEvaluations } from "./bot-evaluations.ts";
import { botFailures } from "./bot-failures.ts";
import { botSchedule } from "./bot-schedule.ts";
import { bots } from "./bots.ts";
import { orderIntents } from "./order-intents.ts";
import { positions } from "./positions.ts";
import { tradeLogs } from "./trade-logs.ts";
import { userRiskProfiles } from "./user-risk-profiles.ts";
import { users } from "./users.ts";

export const usersRelations = relations(users, ({ one, many }) => ({
  riskProfile: one(userRiskProfiles, { fields: [users.id], references: [userRiskProfiles.userId] }),
  apiCredentials: many(apiCredentials),
  bots: many(bots),
  positions: many(positions),
}));

export const userRiskProfilesRelations = relations(userRiskProfiles, ({ one }) => ({
  user: one(users, { fields: [userRiskProfiles.userId], references: [users.id] }),
}));

export const apiCredentialsRelations = relations(apiCredentials, ({ one }) => ({
  user: one(users, { fields: [apiCredentials.userId], references: [users.id] }),
}));

export const botsRelations = relations(bots, ({ one, many }) => ({
  user: one(users, { fields: [bots.userId], references: [users.id] }),
  context: one(botContext, { fields: [bots.id], references: [botContext.botId] }),
  tradeLogs: many(tradeLogs),
  failures: many(botFailures),
  locks: many(botCoordinationLocks),
  schedule: one(botSchedule, { fields: [bots.id], references: [botSchedule.botId] }),
  evaluations: many(botEvaluations),
  orderIntents: many(orderIntents),
  positions: many(positions),
}));

export const botContextRelations = relations(botContext, ({ one }) => ({
  bot: one(bots, { fields: [botContext.botId], references: [bots.id] }),
}));

export const botFailuresRelations = relations(botFailures, ({ one }) => ({
  bot: one(bots, { fields: [botFailures.botId], references: [bots.id] }),
}));

export const tradeLogsRelations = relations(tradeLogs, ({ one }) => ({
  bot: one(bots, { fields: [tradeLogs.botId], references: [bots.id] }),
}));

export const positionsRelations = relations(positions, ({ one }) => ({
  user: one(users, { fields: [positions.userId], references: [users.id] }),
  bot: one(bots, { fields: [positions.botId], references: [bots.id] }),
}));

export const botScheduleRelations = relations(botSchedule, ({ one }) => ({
  bot: one(bots, { fields: [botSchedule.botId], references: [bots.id] }),
}));

export const botEvaluationsRelations = relations(botEvaluations, ({ one, many }) => ({
  bot: one(bots, { fields: [botEvaluations.botId], references: [bots.id] }),
  orderIntents: many(orderIntents),
}));

export const orderIntentsRelations = relations(orderIntents, ({ one }) => ({
  bot: one(bots, { fields: [orderIntents.botId], references: [bots.id] }),
  user: one(users, { fields: [orderIntents.userId], references: [users.id] }),
  evaluation: one(botEvaluations, {
    fields: [orderIntents.evaluationId],
    references: [botEvaluations.id],
  }),
}));

export const botCoordinationLocksRelations = relations(botCoordinationLocks, ({ one }) => ({
  user: one(users, { fields: [botCoordinationLocks.userId], references: [users.id] }),
  bot: one(bots, { fields: [botCoordinationLocks.lockedByBotId], references: [bots.id] }),
}));
