const PIECES = /[A-Za-z]+|\d+|[^\sA-Za-z\d]/g;

/**
 * Approximate BPE token count without shipping a tokenizer: each run of letters costs one token per
 * 4 characters (rounded up, OpenAI's "~4 characters per token" rule of thumb applied per word), each run
 * of digits one token per 3 digits (cl100k/o200k split numbers into groups of at most 3), and every
 * punctuation or symbol character one token. On JSON-heavy prompts this over-counts slightly compared
 * to cl100k, which is the safe direction for a budget reservation.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const [piece] of text.matchAll(PIECES)) {
    const first = piece.charCodeAt(0);
    const isDigit = first >= 48 && first <= 57;
    tokens += isDigit
      ? Math.ceil(piece.length / 3)
      : /[A-Za-z]/.test(piece)
        ? Math.ceil(piece.length / 4)
        : 1;
  }
  return tokens;
}
