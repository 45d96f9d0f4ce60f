import { PolymarketError } from "./polymarket-error.ts";
import { retryAfterMs } from "./retry-after.ts";

export interface HttpJsonOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** Errors come as `{"error": "..."}`; the text is the server's, never something of ours, so it is safe to show. */
function serverMessage(body: unknown): string {
  if (body && typeof body === "object" && "error" in body) return String((body as { error: unknown }).error);
  return typeof body === "string" ? body.slice(0, 200) : "";
}

/** One JSON request to a public endpoint, with every failure mapped to a PolymarketError code. */
export async function requestJson(
  url: URL,
  init: { readonly method?: "GET" | "POST"; readonly body?: unknown },
  options: HttpJsonOptions = {},
): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  const where = `${init.method ?? "GET"} ${url.origin}${url.pathname}`;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError" ? "timed out" : "could not be reached";
    throw new PolymarketError("UNAVAILABLE", `${where} ${reason}; check the network or try again shortly.`);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    if (response.ok) {
      throw new PolymarketError("MALFORMED_RESPONSE", `${where} answered with text that is not JSON.`, {
        status: response.status,
      });
    }
  }
  if (response.ok) return body;
  const status = response.status;
  const said = serverMessage(body);
  if (status === 404) {
    throw new PolymarketError("NOT_FOUND", `${where}: not found (${said}). Check the id.`, { status });
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get("retry-after"), body, Date.now());
    throw new PolymarketError("RATE_LIMITED", `${where}: rate limited; wait before retrying.`, {
      status,
      ...(wait === null ? {} : { retryAfterMs: wait }),
    });
  }
  if (status >= 500 || status === 425) {
    throw new PolymarketError(
      "UNAVAILABLE",
      `${where}: the exchange is unavailable (${status}); retry later.`,
      {
        status,
      },
    );
  }
  throw new PolymarketError("BAD_REQUEST", `${where}: refused (${status}) ${said}`.trim(), { status });
}
