import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./src/testing/global-setup.ts"],
    // A fresh PGlite costs ~3 s of WASM initdb; the suite shares one migrated dump instead.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
