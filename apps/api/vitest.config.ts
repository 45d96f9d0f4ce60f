import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["./src/testing/global-setup.ts"],
    // Tests share one migrated PGlite dump (or DATABASE_URL); a fresh PGlite costs seconds of WASM initdb.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
