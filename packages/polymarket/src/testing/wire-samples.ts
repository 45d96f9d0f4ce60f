/** Real Polymarket payload shapes, copied from the reference notes (captured rows, trimmed). */
export const GAMMA_MARKET_ROW = {
  id: "1066851",
  question: "Bitcoin Up or Down - December 31, 12:00PM-12:15PM ET",
  conditionId: "0x2e6af11e4b853b05ba7135239b21d77e808889b6ce1e735de856c94c4e5b5fce",
  slug: "btc-updown-15m-1767200400",
  endDate: "2025-12-31T17:15:00Z",
  startDate: "2025-12-30T17:10:15.861305Z",
  outcomes: '["Up", "Down"]',
  outcomePrices: '["0.585", "0.415"]',
  clobTokenIds:
    '["8851848546962572193739008211889046036776198486765606333032192644001246174440", "10181859819235412241349111952383458602722012323104397550162049365057126390549"]',
  liquidity: "20579.7452",
  liquidityNum: 20579.7452,
  volume: "92509.470055",
  volumeNum: 92509.470055,
  volume24hr: 815.11,
  active: true,
  closed: false,
  archived: false,
  restricted: true,
  enableOrderBook: true,
  acceptingOrders: true,
  negRisk: false,
  orderPriceMinTickSize: 0.01,
  orderMinSize: 5,
  spread: 0.01,
  bestBid: 0.58,
  bestAsk: 0.59,
  lastTradePrice: 0.58,
  endDateIso: "2025-12-31",
  feesEnabled: false,
};

export const CLOB_BOOK = {
  market: "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1",
  asset_id: "71321045679252212594626385532706912750332728571942532289631379312455583992563",
  timestamp: "1757908892351",
  hash: "9f1c",
  bids: [
    { price: "0.48", size: "100" },
    { price: "0.49", size: "50" },
  ],
  asks: [
    { price: "0.53", size: "100" },
    { price: "0.52", size: "40" },
  ],
  min_order_size: "5",
  tick_size: "0.01",
  neg_risk: false,
  last_trade_price: "0.50",
};

export const CLOB_MARKET_INFO = {
  c: CLOB_BOOK.market,
  t: [
    { t: CLOB_BOOK.asset_id, o: "Yes" },
    { t: "52114319501245915516055106046884209969926127482827954674443846427813813222426", o: "No" },
  ],
  mts: 0.01,
  nr: false,
  fd: { r: 0.07, e: 1, to: true },
  mos: 5,
  mbf: 0,
  tbf: 0,
  r: null,
  ao: true,
  rfqe: false,
};

/** Market-channel events as the docs show them (reference V1 §7.1), including the leading-dot prices. */
export const WS_BOOK_EVENT = {
  event_type: "book",
  asset_id: CLOB_BOOK.asset_id,
  market: CLOB_BOOK.market,
  bids: [
    { price: ".48", size: "30" },
    { price: ".49", size: "20" },
  ],
  asks: [
    { price: ".52", size: "25" },
    { price: ".51", size: "10" },
  ],
  timestamp: "1757908892351",
  hash: "0x1f2e",
};

export const WS_PRICE_CHANGE_EVENT = {
  event_type: "price_change",
  market: CLOB_BOOK.market,
  timestamp: "1757908892351",
  price_changes: [
    {
      asset_id: CLOB_BOOK.asset_id,
      price: "0.5",
      size: "200",
      side: "BUY",
      hash: "56621a121a47ed9333273e21c83b660cff37ae50",
      best_bid: "0.5",
      best_ask: "1",
    },
  ],
};

export const WS_LAST_TRADE_EVENT = {
  event_type: "last_trade_price",
  asset_id: CLOB_BOOK.asset_id,
  market: CLOB_BOOK.market,
  price: "0.456",
  side: "BUY",
  size: "219.217767",
  fee_rate_bps: "0",
  timestamp: "1750428146322",
};
