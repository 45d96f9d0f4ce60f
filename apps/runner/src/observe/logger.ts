import { createRedactor } from "./redact.ts";
import { toLoggable } from "./to-loggable.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  write?: (line: string) => void;
  level?: LogLevel;
  base?: Record<string, unknown>;
  /** Exact secret values known to this process (API keys, keyring keys); removed wherever they appear. */
  secrets?: readonly string[];
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One JSON object per line; `ts`, `level` and `event` come first and cannot be overwritten by fields. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const threshold = RANK[opts.level ?? "info"];
  const redactor = createRedactor(opts.secrets);
  const now = opts.now ?? (() => new Date());

  const make = (base: Record<string, unknown>): Logger => ({
    log(level, event, fields) {
      if (RANK[level] < threshold) return;
      const body = toLoggable({ ...base, ...fields }, redactor) as Record<string, unknown>;
      const line: Record<string, unknown> = { ts: now().toISOString(), level, event: redactor.text(event) };
      for (const [k, v] of Object.entries(body)) if (!(k in line)) line[k] = v;
      write(JSON.stringify(line));
    },
    child(fields) {
      return make({ ...base, ...fields });
    },
  });
  return make(opts.base ?? {});
}
