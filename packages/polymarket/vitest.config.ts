import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Includes src/stand-in, so `pnpm test` covers the whole package (the stand-in also has its own config).
    include: ["src/**/*.test.ts"],
    testTimeout: 20_000,
    benchmark: { include: ["src/**/*.bench.ts"] },
  },
});
