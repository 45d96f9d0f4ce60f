import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunnerEnv, readRunnerEnv } from "../env.ts";
import { createRedactor } from "../observe/redact.ts";
import { type App, startApp } from "./start-app.ts";

const repoData = fileURLToPath(new URL("../../../../.data/", import.meta.url));

/** Something served beside the runner in the same process (the embedded launcher's API and web app). */
export interface Guest {
  /** Closed before the runner drains, so no request reaches a closing database. */
  close(): Promise<void>;
}

export interface HostIo {
  /** A line for the person at the terminal. */
  say(line: string): void;
  /** A JSON log line, into the runner's own log (file or stderr). */
  writeLog(line: string): void;
}

export interface RunMainOptions {
  /** Starts what shares this process's database once the runner is up; its lines are printed as they come. */
  readonly host?: (app: App, env: RunnerEnv, io: HostIo) => Promise<Guest>;
  /** Show the terminal board when stdout is a terminal (default); off, one line per evaluation. */
  readonly board?: boolean;
}

/** On a TTY the board owns the screen, so JSON logs go to a file beside the database; otherwise to stderr. */
interface LogSink {
  write(line: string): void;
  readonly where: string;
  /** Flushes the file, since process.exit would drop what is still buffered. */
  close(): Promise<void>;
}

function logSink(e: RunnerEnv, toFile: boolean): LogSink {
  if (!toFile)
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

/**
 * A process entry point: runs the bots (and a guest, if any) until Ctrl-C, SIGTERM or MAIN_RUN_SECONDS, then
 * drains and exits 0. A second Ctrl-C exits at once: leases expire on their own, so nothing is left inconsistent.
 */
export async function runMain(options: RunMainOptions = {}): Promise<void> {
  const tty = process.stdout.isTTY === true;
  const board = tty && options.board !== false;
  let env: RunnerEnv | undefined;
  let app: App | undefined;
  let guest: Guest | undefined;
  let sink: LogSink | undefined;

  const fail = (error: unknown): never => {
    // The message may quote configuration; scrub it like a log line. No stack: this is for the person at the keyboard.
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Open Trade could not run: ${createRedactor(env?.secrets).text(text)}\n`);
    process.exit(1);
  };
  const shutdown = async (reason: string) => {
    await guest?.close();
    await app?.stop(reason);
    await sink?.close();
    process.exit(0);
  };

  let signals = 0;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      signals += 1;
      if (signals > 1 || !app) process.exit(130);
      shutdown(signal).catch(fail);
    });
  }

  try {
    env = readRunnerEnv();
    // With a guest the terminal shows its address, so logs go to the file even without the board.
    sink = logSink(env, board || options.host !== undefined);
    if (sink.where !== "stderr") process.stdout.write(`Logs: ${sink.where}\n`);
    app = await startApp({
      env,
      writeLog: sink.write,
      out: {
        isTTY: board,
        columns: () => process.stdout.columns ?? 100,
        write: (text) => process.stdout.write(text),
      },
    });
    if (options.host) {
      guest = await options.host(app, env, {
        say: (line) => process.stdout.write(`${line}\n`),
        writeLog: sink.write,
      });
    }
    const seconds = env.runSeconds;
    if (seconds !== undefined) setTimeout(() => shutdown("MAIN_RUN_SECONDS").catch(fail), seconds * 1000);
  } catch (error) {
    await guest?.close().catch(() => {});
    await app?.stop("startup failed").catch(() => {});
    fail(error);
  }
}
