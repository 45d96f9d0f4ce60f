import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    exclude: ["src/stand-in/**", "node_modules/**"],
    testTimeout: 20_000,
    benchmark: { include: ["src/**/*.bench.ts"] },
  },
});
