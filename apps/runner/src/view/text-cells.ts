// C0 and C1 controls (ESC starts a terminal escape sequence, CR rewrites a line), zero-width characters and
// bidirectional overrides: none belongs in a bot name or a reason, and each can forge what a terminal shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g;

/** User- or model-written text made safe for a terminal: one line, no control or invisible characters. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, " ").replace(/\s+/g, " ");
}

/** Fits text into exactly `width` columns: padded, or cut with an ellipsis. */
export function cell(text: string, width: number, align: "left" | "right" = "left"): string {
  if (width <= 0) return "";
  const flat = printable(text);
  const fitted = flat.length > width ? `${flat.slice(0, Math.max(0, width - 1))}…` : flat;
  return align === "left" ? fitted.padEnd(width) : fitted.padStart(width);
}

/** Cuts an already laid-out line to `width` columns, keeping its spacing. */
export function fit(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line;
}

/** "+1.5", "-0.25", "0": a sign makes gains and losses readable at a glance. */
export function signed(decimal: string): string {
  return decimal.startsWith("-") || /^0(\.0*)?$/.test(decimal) ? decimal : `+${decimal}`;
}

export function clock(at: Date): string {
  return at.toISOString().slice(11, 19);
}

/** "paper", or "live, paused" when the status says more than the mode (a paper bot's status is "paper"). */
export function modeAndStatus(mode: string, status: string): string {
  return status === mode || status === "" ? mode : `${mode}, ${status}`;
}
