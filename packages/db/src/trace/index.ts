export * from "./evaluation-trace.ts";
