import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

export const artifacts = fileURLToPath(new URL("../test-artifacts/", import.meta.url));

/** Debian's Chromium, never a downloaded one; flags keep it off the network (trader-dashboard.md §8). */
export function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: number;
}

/** Serious and critical WCAG 2.2 AA violations on the page as it is now (the chart canvas excluded). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude(".tv-lightweight-charts")
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, nodes: v.nodes.length }));
}

/** A full-page screenshot named after the screen and theme, under apps/web/test-artifacts/. */
export async function screenshot(page: Page, screen: string, theme: "light" | "dark") {
  await page.screenshot({
    path: `${artifacts}${screen}-${theme}.png`,
    fullPage: true,
    animations: "disabled",
  });
}
