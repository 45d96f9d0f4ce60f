import { formatUsd, type Usd, usd, usdMicros } from "@open-trade/risk-engine";
import {
  type BotContext,
  type Caution,
  cautionJson,
  cautionOf,
  MAX_LESSON_CHARS,
  MAX_LESSONS,
  tighten,
} from "./bot-context.ts";

export interface LessonUpdate {
  readonly adaptationNote?: string;
  readonly avoidPattern?: string | null;
  readonly successfulStrategy?: string | null;
  readonly caution?: Partial<Caution>;
  readonly realizedPnlUsd?: Usd;
}

const clip = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, MAX_LESSON_CHARS);

/** Newest last, no duplicates, at most MAX_LESSONS: the oldest lesson goes first. */
function remember(list: readonly string[], item: string | null | undefined): string[] {
  if (!item || !clip(item)) return [...list];
  const text = clip(item);
  return [...list.filter((existing) => existing !== text), text].slice(-MAX_LESSONS);
}

/**
 * Folds one reflection into `bot_context`, bounded in size. Caution only tightens, whatever the update
 * proposes, so a lesson (including one a model wrote) can make the bot more careful and never less.
 */
export function updateLessons(context: BotContext, update: LessonUpdate): BotContext {
  const caution = tighten(cautionOf(context), update.caution ?? {});
  const pnl = usdMicros(usd(context.cumulative_pnl) + (update.realizedPnlUsd ?? 0n));
  return {
    successful_strategies: remember(context.successful_strategies, update.successfulStrategy),
    avoid_patterns: remember(context.avoid_patterns, update.avoidPattern),
    cumulative_pnl: formatUsd(pnl),
    last_adaptation: update.adaptationNote ? clip(update.adaptationNote) : context.last_adaptation,
    caution: cautionJson(caution),
  };
}
