import { defineConfig } from "vitest/config";

// Browser journeys against the real API and runner: one file at a time, generous timeouts (2 shared cores).
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
