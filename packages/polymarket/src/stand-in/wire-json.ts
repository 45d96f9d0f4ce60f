// Polymarket sends some values as JSON numbers (tick sizes, fee rates, Gamma's bestBid, price history).
// Going through a JS number would make them floats, so a decimal string is tagged here and written
// into the JSON text verbatim by `toWireJson`.

const MARK = "\u0000num:";
const MARKED = /"\\u0000num:(-?\d+(?:\.\d+)?)"/g;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

/** A decimal string that must appear in the response as a bare JSON number. */
export function wireNumber(decimal: string): string {
  if (!NUMBER_TEXT.test(decimal)) throw new Error(`wireNumber needs a plain decimal, got "${decimal}"`);
  return `${MARK}${decimal}`;
}

/** JSON.stringify, with bigint written as a decimal string and `wireNumber` values as bare numbers. */
export function toWireJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return (text ?? "null").replace(MARKED, "$1");
}
