import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./src/testing/global-setup.ts"],
    // A fresh PGlite costs seconds of WASM initdb: the run migrates once into a dump, and the files of a worker
    // share one instance started from it (no isolation between files; each test keeps to its own rows).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
