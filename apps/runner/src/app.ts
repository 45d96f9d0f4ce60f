// For a host that runs the runner in its own process (the embedded launcher in apps/api).
export { type RunnerEnv, readRunnerEnv } from "./env.ts";
export { type Guest, type HostIo, type RunMainOptions, runMain } from "./main/run-main.ts";
export type { App } from "./main/start-app.ts";
