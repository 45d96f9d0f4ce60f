// Read queries shared by the API (under withUser) and the runner (under asService). Each takes a Transaction and
// filters explicitly by the user's bots: row level security guards, it does not filter.
export { type BotStatus, type BotSummary, botList, modeOf } from "./bot-list.ts";
export { type BotStateRow, botState } from "./bot-state.ts";
export { type Cursor, decodeCursor, encodeCursor } from "./cursor.ts";
export {
  type EvaluationDetail,
  type EvaluationRow,
  evaluationById,
  evaluationDetail,
  evaluationsAfter,
  evaluationsPage,
} from "./evaluations.ts";
export { type RealizedByDay, realizedPnlByDay, utcDay } from "./ledger-fold.ts";
export { foldHoldings, type LedgerFill, type LedgerHolding, ledgerFills } from "./ledger-holdings.ts";
export { type DayPnl, pnlPerDay } from "./pnl-per-day.ts";
export { pnlToday } from "./pnl-today.ts";
export { type PositionRow, positionsOf } from "./positions.ts";
export { selectRows } from "./rows.ts";
export {
  type Mode,
  type TradeFilter,
  type TradeRow,
  type TradesPage,
  tradeById,
  tradesAfter,
  tradesPage,
} from "./trades-page.ts";
