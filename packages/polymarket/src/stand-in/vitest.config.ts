// The package's vitest.config.ts excludes src/stand-in, so the stand-in's tests run with this config:
// `pnpm exec vitest run --config src/stand-in/vitest.config.ts` from packages/polymarket.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    testTimeout: 20_000,
  },
});
