// Input schemas shared with the web app's forms (`@open-trade/api/inputs`), so a form and the API agree on what
// is valid. Shape and format live here; limits that depend on the tier are the risk engine's to check.
import { z } from "zod";
import {
  botIdInput,
  conditionIdInput,
  cursorInput,
  marketIdInput,
  modeInput,
  pageLimitInput,
  percentInput,
  usdInput,
} from "./common.ts";

export {
  botIdInput,
  conditionIdInput,
  cursorInput,
  marketIdInput,
  modeInput,
  pageLimitInput,
  percentInput,
  usdInput,
};

export const emailPasswordInput = z.object({
  email: z.email("Give a valid email address.").max(254, "That email address is too long."),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
export const refreshTokenInput = z.object({
  refreshToken: z.string().min(20, "That is not a refresh token.").max(200, "That is not a refresh token."),
});

export const riskProfileUpdateInput = z.object({
  defaultDailyLossUsd: usdInput.optional(),
  defaultPositionSizeUsd: usdInput.optional(),
  defaultSlippageThresholdPercent: percentInput.optional(),
  globalRiskBudgetUsd: usdInput.nullable().optional(),
});

const wholeNumber = (min: number, max: number) =>
  z.int("Give a whole number.").min(min, `Give ${min} or more.`).max(max, `Give ${max} or less.`);

/** A bot's settings; every field optional on update. The risk engine checks the values against the tier. */
export const botSettingsInput = z.object({
  name: z.string().trim().min(1, "Give the bot a name.").max(100, "Use at most 100 characters."),
  strategyPrompt: z.string().max(10_000, "Use at most 10,000 characters."),
  modelId: z.string().max(200, "That model id is too long."),
  maxDailyLossUsd: usdInput.nullable(),
  maxPositionSizeUsd: usdInput.nullable(),
  allowedCategories: z.array(z.string().trim().min(1).max(60)).max(50, "Choose at most 50 categories."),
  slippageThresholdPercent: percentInput.nullable(),
  maxTradesPerDay: wholeNumber(0, 10_000),
  aiFailureRetryMinutes: wholeNumber(1, 1_440),
  riskBudgetUsd: usdInput.nullable(),
  riskBudgetType: z.enum(["individual", "shared"], "Budget type is individual or shared."),
  priority: wholeNumber(-1_000, 1_000),
  maxConcurrentMarkets: wholeNumber(1, 1_000),
  pollingFrequencyMinutes: wholeNumber(1, 1_440),
  maxDailyLlmCostUsd: usdInput.nullable(),
});
export type BotSettingsInput = z.infer<typeof botSettingsInput>;

export const createBotInput = botSettingsInput.partial().extend({
  name: botSettingsInput.shape.name,
  strategyPrompt: botSettingsInput.shape.strategyPrompt,
});
export const updateBotInput = z.object({ botId: botIdInput, settings: botSettingsInput.partial() });
export const botInput = z.object({ botId: botIdInput });
/** Going live spends real money: the trader types the bot's name to confirm. */
export const goLiveInput = z.object({
  botId: botIdInput,
  confirmation: z.string().max(100, "Type the bot's name exactly."),
});

export const compilePreviewInput = z.object({
  strategyPrompt: z
    .string()
    .trim()
    .min(1, "Describe the strategy first.")
    .max(10_000, "Use at most 10,000 characters."),
  modelId: z.string().min(1, "Choose a model.").max(200, "That model id is too long."),
  limits: botSettingsInput
    .pick({
      maxDailyLossUsd: true,
      maxPositionSizeUsd: true,
      riskBudgetUsd: true,
      slippageThresholdPercent: true,
      allowedCategories: true,
      maxTradesPerDay: true,
      maxConcurrentMarkets: true,
    })
    .partial()
    .default({}),
});

export const storeCredentialsInput = z.object({
  privateKey: z
    .string()
    .regex(/^(0x)?[0-9a-fA-F]{64}$/, "The private key is 64 hex characters (0x optional)."),
  apiKey: z.string().min(1).max(200).optional(),
  apiSecret: z.string().min(1).max(500).optional(),
  passphrase: z.string().min(1).max(500).optional(),
});

export const tradesListInput = z
  .object({
    botId: botIdInput.optional(),
    marketId: marketIdInput.optional(),
    mode: modeInput.optional(),
    side: z.enum(["buy", "sell"], "Side is buy or sell.").optional(),
    from: z.iso.datetime("Give a date and time such as 2026-01-31T00:00:00Z.").optional(),
    to: z.iso.datetime("Give a date and time such as 2026-01-31T00:00:00Z.").optional(),
    cursor: cursorInput.optional(),
    limit: pageLimitInput.default(50),
  })
  .prefault({});

export const positionsListInput = z
  .object({
    mode: modeInput.default("paper"),
    botId: botIdInput.optional(),
    openOnly: z.boolean().default(true),
  })
  .prefault({});

export const botPageInput = z.object({
  botId: botIdInput,
  cursor: cursorInput.optional(),
  limit: pageLimitInput.default(50),
});
export const evaluationByIdInput = z.object({ evaluationId: z.uuid("Give an evaluation id.") });

export const pnlPerDayInput = z
  .object({
    mode: modeInput.default("paper"),
    days: wholeNumber(1, 366).default(30),
    botId: botIdInput.optional(),
  })
  .prefault({});

export const marketsListInput = z
  .object({
    search: z.string().trim().max(100, "Use at most 100 characters.").optional(),
    category: z.string().trim().min(1).max(60).optional(),
    limit: pageLimitInput.default(50),
  })
  .prefault({});
export const marketInput = z.object({ conditionId: conditionIdInput });

export const liveInput = z
  .object({
    botId: botIdInput.optional(),
    /** Sent back by the client on reconnect: the last event it saw, to replay what it missed. */
    lastEventId: cursorInput.nullish(),
  })
  .prefault({});
