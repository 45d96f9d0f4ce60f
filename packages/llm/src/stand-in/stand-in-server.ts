import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible stand-in for OpenRouter on 127.0.0.1, so tests drive the real provider over
 * HTTP. Answers are scripted per model (FIFO); an unscripted request gets a 500 so a test cannot pass by
 * accident.
 */
export type ScriptedAnswer =
  | {
      readonly kind: "answer";
      readonly content: string;
      readonly promptTokens?: number;
      readonly completionTokens?: number;
      /** Written verbatim into the JSON body, e.g. "0.0000123" or "1.5e-7", to test exact parsing. */
      readonly costLiteral?: string;
    }
  | { readonly kind: "status"; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: "slow"; readonly delayMs: number; readonly after: ScriptedAnswer };

export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {
    model?: string;
    messages?: { role: string; content: string | { type: string; text?: string }[] }[];
    [key: string]: unknown;
  };
}

/** Everything a request's messages said, system prompt included, as one string. */
export function requestText(request: RecordedRequest | undefined): string {
  return (request?.body.messages ?? [])
    .map((m) =>
      typeof m.content === "string" ? m.content : m.content.map((part) => part.text ?? "").join(""),
    )
    .join("\n");
}

export interface StandIn {
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  script(model: string, ...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export const answer = (
  content: unknown,
  extra: Partial<Omit<ScriptedAnswer & { kind: "answer" }, "kind">> = {},
) =>
  ({
    kind: "answer",
    content: typeof content === "string" ? content : JSON.stringify(content),
    ...extra,
  }) as const;

export async function startStandIn(options: { modelsJson?: unknown } = {}): Promise<StandIn> {
  const queues = new Map<string, ScriptedAnswer[]>();
  const requests: RecordedRequest[] = [];

  const respond = async (res: ServerResponse, model: string, scripted: ScriptedAnswer | undefined) => {
    if (!scripted)
      return sendJson(res, 500, `{"error":{"message":"stand-in: nothing scripted for ${model}"}}`);
    if (scripted.kind === "slow") {
      await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
      if (res.destroyed) return;
      return respond(res, model, scripted.after);
    }
    if (scripted.kind === "status") {
      if (scripted.retryAfterSeconds !== undefined)
        res.setHeader("retry-after", String(scripted.retryAfterSeconds));
      return sendJson(
        res,
        scripted.status,
        `{"error":{"message":"scripted ${scripted.status}","code":${scripted.status}}}`,
      );
    }
    const promptTokens = scripted.promptTokens ?? 100;
    const completionTokens = scripted.completionTokens ?? 50;
    const cost = scripted.costLiteral === undefined ? "" : `,"cost":${scripted.costLiteral}`;
    const body = JSON.stringify({
      id: `gen-${requests.length}`,
      object: "chat.completion",
      created: 1_764_000_000,
      model,
      choices: [
        { index: 0, finish_reason: "stop", message: { role: "assistant", content: scripted.content } },
      ],
    }).replace(
      /\}$/,
      `,"usage":{"prompt_tokens":${promptTokens},"completion_tokens":${completionTokens},"total_tokens":${promptTokens + completionTokens}${cost}}}`,
    );
    sendJson(res, 200, body);
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    if (req.method === "GET" && path.startsWith("/api/v1/models")) {
      return sendJson(res, 200, JSON.stringify(options.modelsJson ?? { data: [] }));
    }
    if (req.method !== "POST" || !path.startsWith("/api/v1/chat/completions")) {
      return sendJson(res, 404, `{"error":{"message":"stand-in: no route ${path}"}}`);
    }
    const body = JSON.parse(await readBody(req)) as RecordedRequest["body"];
    requests.push({ path, authorization: req.headers.authorization, body });
    const model = String(body.model);
    const queue = queues.get(model) ?? queues.get("*");
    await respond(res, model, queue?.shift());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/api/v1`,
    requests,
    script(model, ...answers) {
      queues.set(model, [...(queues.get(model) ?? []), ...answers]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
