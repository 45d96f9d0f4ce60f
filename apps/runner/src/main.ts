import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunnerEnv, readRunnerEnv } from "./env.ts";
import { type App, startApp } from "./main/start-app.ts";
import { createRedactor } from "./observe/redact.ts";

// `pnpm start`: run the bots until Ctrl-C (or MAIN_RUN_SECONDS), then drain and exit 0.
const repoData = fileURLToPath(new URL("../../../.data/", import.meta.url));
const tty = process.stdout.isTTY === true;
let env: RunnerEnv | undefined;
let app: App | undefined;
let sink: LogSink | undefined;

/** On a TTY the board owns the screen, so JSON logs go to a file beside the database; otherwise to stderr. */
interface LogSink {
  write(line: string): void;
  readonly where: string;
  /** Flushes the file, since process.exit would drop what is still buffered. */
  close(): Promise<void>;
}

function logSink(e: RunnerEnv): LogSink {
  if (!tty)
    return { write: (line) => process.stderr.write(`${line}\n`), where: "stderr", close: async () => {} };
  const dataDir = e.db.DATABASE_URL
    ? repoData
    : dirname(e.db.OPEN_TRADE_DATA_DIR ?? join(repoData, "pglite"));
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "runner.log");
  const stream = createWriteStream(path, { flags: "a" });
  return {
    write: (line) => stream.write(`${line}\n`),
    where: path,
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

async function shutdown(reason: string): Promise<void> {
  await app?.stop(reason);
  await sink?.close();
  process.exit(0);
}

function fail(error: unknown): never {
  // The message may quote configuration; scrub it like a log line. No stack: this is for the person at the keyboard.
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Open Trade could not run: ${createRedactor(env?.secrets).text(text)}\n`);
  process.exit(1);
}

let signals = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    signals += 1;
    // A second Ctrl-C means "now": leases expire on their own, so nothing is left inconsistent.
    if (signals > 1 || !app) process.exit(130);
    shutdown(signal).catch(fail);
  });
}

try {
  env = readRunnerEnv();
  sink = logSink(env);
  if (tty) process.stdout.write(`Logs: ${sink.where}\n`);
  app = await startApp({
    env,
    writeLog: sink.write,
    out: {
      isTTY: tty,
      columns: () => process.stdout.columns ?? 100,
      write: (text) => process.stdout.write(text),
    },
  });
  if (env.runSeconds !== undefined) {
    setTimeout(() => shutdown("MAIN_RUN_SECONDS").catch(fail), env.runSeconds * 1000);
  }
} catch (error) {
  await app?.stop("startup failed").catch(() => {});
  fail(error);
}
