import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

// The production entry point, run as a real OS process the way `pnpm start` runs it (tsx, no TTY), so tests
// and benchmarks can kill it for real (SIGKILL), stop it the way an orchestrator does (SIGTERM) and run several.

const RUNNER_DIR = fileURLToPath(new URL("../../", import.meta.url));
/** Printed by the non-TTY view right before the runner starts its loop (see terminal-view.ts). */
const RUNNING_LINE = /^Open Trade runner · /;
/** Only what node itself needs; everything else comes from the caller, so no developer setting leaks in. */
const BASE_ENV_KEYS = ["PATH", "HOME", "TMPDIR", "LANG", "SYSTEMROOT"] as const;

export interface RunnerProcessOptions {
  /** The runner's configuration (see env.ts), over a minimal base environment. */
  readonly env: Readonly<Record<string, string>>;
  /** A name for messages; defaults to env.RUNNER_ID. */
  readonly name?: string;
  /** Also pass the parent's whole environment through (off by default). */
  readonly inheritEnv?: boolean;
  /** A stdout line meaning "running" (default: the view's start line, printed as the loop starts). */
  readonly readyLine?: RegExp;
  /** How many lines of stdout and of stderr `tail` keeps (default 200). */
  readonly keepLines?: number;
  /** Called with every output line, e.g. to count evaluations (stdout has one line per evaluation). */
  readonly onLine?: (stream: "stdout" | "stderr", line: string) => void;
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunnerProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves once the ready line was printed; rejects (with the output's tail) if the process exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<ProcessExit>;
  /** True until the process has exited. */
  alive(): boolean;
  /** The last lines of stdout and stderr, for a failure message. */
  tail(lines?: number): string;
  /** SIGKILL: dies at once, mid-evaluation, leaving its leases and locks to expire. */
  kill(): Promise<ProcessExit>;
  /** SIGTERM: drains evaluations in flight and exits; SIGKILL and an error after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<ProcessExit>;
}

const running = new Set<ChildProcess>();
let guardInstalled = false;

/** A test that throws must not leave runners behind: they would keep trading against the next test's database. */
function installExitGuard(): void {
  if (guardInstalled) return;
  guardInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/** Starts `src/main.ts` as a child process with the given configuration. */
export function startRunnerProcess(options: RunnerProcessOptions): RunnerProcess {
  const name = options.name ?? options.env.RUNNER_ID ?? "runner";
  const keep = options.keepLines ?? 200;
  const base: Record<string, string> = {};
  if (options.inheritEnv) Object.assign(base, process.env);
  else for (const key of BASE_ENV_KEYS) if (process.env[key] !== undefined) base[key] = process.env[key];
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: RUNNER_DIR,
    env: { ...base, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`${name}: the runner process could not be started`);
  installExitGuard();
  running.add(child);

  const lines = { stdout: [] as string[], stderr: [] as string[] };
  let onReady: () => void = () => {};
  let isReady = false;
  const readyLine = options.readyLine ?? RUNNING_LINE;
  const follow = (stream: "stdout" | "stderr") => {
    let partial = "";
    child[stream]?.setEncoding("utf8");
    child[stream]?.on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        const kept = lines[stream];
        kept.push(line);
        if (kept.length > keep) kept.shift();
        options.onLine?.(stream, line);
        if (stream === "stdout" && !isReady && readyLine.test(line)) {
          isReady = true;
          onReady();
        }
      }
    });
  };
  follow("stdout");
  follow("stderr");

  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      running.delete(child);
      resolve(exit);
    });
  });
  const tail = (count = 30) =>
    [
      `--- ${name} (pid ${child.pid}) stdout, last lines ---`,
      ...lines.stdout.slice(-count),
      `--- ${name} stderr, last lines ---`,
      ...lines.stderr.slice(-count),
    ].join("\n");
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    void exited.then((e) => {
      if (!isReady)
        reject(new Error(`${name} exited (code ${e.code}, signal ${e.signal}) before running\n${tail()}`));
    });
  });
  // A caller that never awaits `ready` (the process is killed while starting) must not see an unhandled rejection.
  ready.catch(() => {});

  const signal = (sig: NodeJS.Signals) => {
    if (!exit) child.kill(sig);
    return exited;
  };
  return {
    name,
    pid: child.pid,
    ready,
    exited,
    alive: () => exit === undefined,
    tail,
    kill: () => signal("SIGKILL"),
    async stop(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), timeoutMs);
      });
      const result = await Promise.race([signal("SIGTERM"), late]);
      clearTimeout(timer);
      if (result !== "late") return result;
      await signal("SIGKILL");
      throw new Error(`${name} did not exit within ${timeoutMs} ms of SIGTERM\n${tail()}`);
    },
  };
}
