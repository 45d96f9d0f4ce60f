const COST_IN_USAGE = /"usage"\s*:\s*\{[\s\S]*?"cost"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/**
 * The `usage.cost` number literal from a raw chat-completion body. Model text inside the body is a JSON
 * string, where quotes are escaped, so it cannot forge an unescaped `"usage":{..."cost":` sequence.
 */
export function extractUsageCostLiteral(rawBody: string): string | null {
  const usageAt = rawBody.lastIndexOf('"usage"');
  if (usageAt < 0) return null;
  return COST_IN_USAGE.exec(rawBody.slice(usageAt))?.[1] ?? null;
}
