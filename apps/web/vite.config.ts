import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The router plugin must come before react(): it generates the route tree and splits each route's code.
export default defineConfig({
  plugins: [tanstackRouter({ target: "react", autoCodeSplitting: true }), react(), tailwindcss()],
  server: {
    // `pnpm dev` talks to an API started separately (default port of apps/api).
    proxy: {
      "/trpc": "http://127.0.0.1:3001",
      "/api": "http://127.0.0.1:3001",
    },
  },
  build: { sourcemap: true },
});
