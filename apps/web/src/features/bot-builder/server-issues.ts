/** The per-field errors the API attaches to a refused save (`data.fieldErrors`), if any. */
export function serverIssues(error: unknown): Record<string, string[]> {
  const data = (error as { data?: { fieldErrors?: unknown } } | null)?.data;
  const fieldErrors = data?.fieldErrors;
  if (!fieldErrors || typeof fieldErrors !== "object") return {};
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (Array.isArray(messages)) out[field] = messages.map(String);
  }
  return out;
}
