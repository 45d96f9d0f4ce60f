// `pnpm bench`: the speed budgets measured in Chromium (reported, never asserted in a test).
//  - ledger: 100,000 trades; filter time (filter + React commit) and scroll frame rate (rAF while scrolling);
//  - overview: time to interactive on the embedded default (`npm start`: one process, PGlite, demo user), from
//    Chromium's performance timeline: the later of the stat cards' first content and the end of the last long task.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { launchChromium } from "../e2e/browser.ts";
import { startEmbedded } from "../e2e/start-product.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = join(root, "dist/bench");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

async function serveBenchPage() {
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    plugins: [react(), tailwindcss()],
    build: {
      outDir: out,
      emptyOutDir: true,
      rollupOptions: { input: join(root, "bench/ledger-bench.html") },
    },
  });
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
  };
  const server = createServer(async (req, res) => {
    const path = join(out, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const body = await readFile(path).catch(() => null);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/bench/ledger-bench.html`, close: () => server.close() };
}

async function ledgerBench(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const site = await serveBenchPage();
  await page.goto(site.url);
  await page.waitForFunction(() => window.bench?.rows === 100_000);
  await page.getByTestId("ledger-row").first().waitFor();

  const filters: Record<string, number[]> = {};
  for (let round = 0; round < 5; round++) {
    for (const q of ["momentum", "election", "rain forecast", "no such words", ""]) {
      const { ms } = await page.evaluate((text) => window.bench.filter(text), q);
      const key = q || "(cleared)";
      filters[key] = [...(filters[key] ?? []), ms];
    }
  }
  const scroll = await page.evaluate(() => window.bench.scroll(4_000));
  site.close();
  await page.close();
  return {
    filterMs: Object.fromEntries(
      Object.entries(filters).map(([q, ms]) => [q, { first: round(ms[0] ?? 0), median: round(median(ms)) }]),
    ),
    scroll: {
      fps: round(scroll.fps),
      worstFrameMs: round(scroll.worstFrameMs),
      rowsScrolled: Math.round(scroll.rowsScrolled),
    },
  };
}

async function overviewBench(browser: Browser) {
  // The product serves the production build; build it once if it is not there.
  if (!existsSync(join(root, "dist/index.html")))
    execFileSync("pnpm", ["run", "build"], { cwd: root, stdio: "inherit" });
  // The stand-in exchange in-process: no probe of the real Polymarket.
  const product = await startEmbedded({ MARKET_DATA: "sim" });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The embedded default signs the demo user in; the first visit also warms the server (and PGlite).
    const first = await context.newPage();
    await first.goto(product.url);
    await first.getByText("Realized PnL today").first().waitFor({ timeout: 60_000 });
    await first.close();
    // From the first byte: when the stat cards show data, and when the last long task ended.
    // A string, so the bundler's helpers never reach the page.
    await context.addInitScript(`
      window.longTaskEnd = 0;
      window.contentAt = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTaskEnd = Math.max(window.longTaskEnd, e.startTime + e.duration);
      }).observe({ type: "longtask", buffered: true });
      const seen = new MutationObserver(() => {
        if (document.body && document.body.textContent.includes("Realized PnL today")) {
          window.contentAt = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document, { childList: true, subtree: true, characterData: true });
    `);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      await page.goto(product.url);
      await page.getByText("Realized PnL today").first().waitFor();
      // A long task that starts after the content appeared would still delay input: wait to see it.
      await page.waitForTimeout(1_000);
      runs.push(await page.evaluate("Math.max(window.contentAt, window.longTaskEnd)").then(Number));
      await page.close();
    }
    process.stderr.write(`overview interactive runs (ms): ${runs.map(round).join(", ")}\n`);
    return { runs: runs.length, interactiveMs: round(median(runs)) };
  } finally {
    await product.stop();
  }
}

const browser = await launchChromium();
try {
  const ledger = await ledgerBench(browser);
  const overview = await overviewBench(browser);
  process.stdout.write(`${JSON.stringify({ ledger, overview }, null, 2)}\n`);
} finally {
  await browser.close();
}
