import { DENIAL_CODES } from "@open-trade/risk-engine";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot, seriousViolations, type Violation } from "./browser.ts";
import { leaveDemo, signUp } from "./first-fill.ts";
import { addLongShotMarkets, expectTemplateRecipe } from "./fixtures.ts";
import { type Product, startProduct } from "./start-product.ts";

const LIVE_WAIT = 60_000;

describe("a trader's journey on the real API and runner", () => {
  let product: Product;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let botPath = "";
  const traces: { filled?: string; denied?: string } = {};

  beforeAll(async () => {
    product = await startProduct();
    addLongShotMarkets(product.exchange);
    browser = await launchChromium();
    context = await browser.newContext({ colorScheme: "light", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("when a trader leaves the demo and signs up then they land on their own overview", async () => {
    await signUp(page, product.url);
    expect(await page.getByText("demo, paper only").count()).toBe(0);
  });

  it("when a bot is built from a template then it is saved paused, on paper", async () => {
    await page.getByRole("link", { name: "Bots" }).first().click();
    await page.getByRole("link", { name: "New bot" }).click();
    await page.getByRole("button", { name: /Fade long shots/ }).click();
    await page.getByLabel("Risk budget (USD)").fill("10");
    await page.getByLabel("Max concurrent markets").fill("2");
    await page.getByRole("button", { name: "Create bot" }).click();
    await page.waitForURL(/\/bots\/[0-9a-f-]{36}/);
    botPath = new URL(page.url()).pathname;
    await expectTemplateRecipe(page, product.url, botPath.split("/").at(-1) ?? "", "Fade long shots");
    await page.getByText("Paused", { exact: true }).first().waitFor();
    await page.getByText("paper", { exact: true }).first().waitFor();
  });

  it("when the bot is started and run now then its fill arrives live and the trace explains it", async () => {
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Run now" }).click();
    const filled = page.locator('li[data-outcome="filled"]').first();
    await filled.waitFor({ timeout: LIVE_WAIT });
    await page
      .getByText(/^Fill · /)
      .first()
      .waitFor({ timeout: LIVE_WAIT });
    await filled.getByRole("link", { name: "Open decision trace" }).click();
    await page.getByRole("heading", { name: "Decision trace" }).waitFor();
    traces.filled = new URL(page.url()).pathname;
    await page.getByText("Every check passed").waitFor();
    // The trace keeps what the bot saw, and the risk engine's row per check with its limit and measured value.
    await page.getByTestId("trace-market").getByText("SIMULATED market").waitFor();
    await page
      .getByTestId("trace-decision")
      .getByText(/^BUY (YES|NO)$/)
      .waitFor();
    const trades = await checkRow(page, "trades per day");
    expect(trades).toMatchObject({ result: "Pass" });
    expect(trades.limit).toMatch(/^\d+$/);
    expect(trades.value).toMatch(/^\d+$/);
    const budget = await checkRow(page, "bot risk budget (individual)");
    expect(budget).toMatchObject({ limit: "$10.00", result: "Pass" });
    expect(budget.value).toMatch(/^\$\d+\.\d{2,6}$/);
    await page
      .getByTestId("trace-order")
      .getByText(/bps|none/)
      .first()
      .waitFor();
    await page
      .getByText(/^\d[\d,.]* shares at \d/)
      .first()
      .waitFor();
  });

  it("when the bot runs past its risk budget then the denial is as visible as a trade, with its code", async () => {
    await page.goto(`${product.url}${botPath}`);
    await page.getByRole("button", { name: "Run now" }).click();
    // The evaluations stream sends the evaluation again when it ends, so the denial appears without a reload.
    const denied = page.locator('li[data-outcome="denied"]').first();
    await denied.waitFor({ timeout: LIVE_WAIT });
    const code = (await denied.locator("code").first().textContent()) ?? "";
    expect(DENIAL_CODES).toContain(code);
    await denied.getByRole("link", { name: "Open decision trace" }).click();
    await page.getByText("Blocked by risk engine").first().waitFor();
    traces.denied = new URL(page.url()).pathname;
    const row = page.locator('tr[data-result="denied"]');
    await row.getByText(code, { exact: true }).first().waitFor();
    // The row that denied says what it measured against which limit.
    const [, limit, value] = await row
      .filter({ has: page.getByText(code, { exact: true }) })
      .first()
      .locator("td")
      .allTextContents();
    expect(limit).toMatch(/\d/);
    expect(value).toMatch(/\d/);
  });

  it("when the trader pauses and then kills the bot then it stops and leaves the list", async () => {
    await page.goto(`${product.url}${botPath}`);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Start" }).waitFor();
    await page.getByRole("button", { name: /^Kill / }).click();
    await page.getByRole("button", { name: "Kill bot" }).click();
    await page
      .getByText(/is archived/)
      .first()
      .waitFor();
    await page.goto(`${product.url}/bots`);
    await page.getByRole("heading", { name: "Bots" }).waitFor();
    expect(await page.locator(`a[href="${botPath}"]`).count()).toBe(0);
  });

  it("when every screen is opened in light and dark then none has a serious accessibility violation", async () => {
    const state = await context.storageState();
    const screens: [string, string, string][] = [
      ["overview", "/", "Overview"],
      ["bots", "/bots", "Bots"],
      ["bot-builder", "/bots/new", "New bot"],
      ["bot-evaluations", `${botPath}?tab=evaluations`, "Evaluations"],
      ["bot-trades", `${botPath}?tab=trades`, "Trades"],
      ["bot-positions", `${botPath}?tab=positions`, "Positions"],
      ["bot-failures", `${botPath}?tab=failures`, "Failures & adaptations"],
      ["bot-memory", `${botPath}?tab=memory`, "Memory"],
      ["bot-settings", `${botPath}?tab=settings`, "Settings"],
      ["trace-filled", traces.filled ?? "/", "Decision trace"],
      ["trace-denied", traces.denied ?? "/", "Decision trace"],
    ];
    const found: Record<string, Violation[]> = {};
    for (const theme of ["light", "dark"] as const) {
      const signedOut = await browser.newContext({ colorScheme: theme });
      const signIn = await signedOut.newPage();
      await leaveDemo(signIn, product.url);
      await record(signIn, "sign-in", theme, found);
      await signedOut.close();

      const themed = await browser.newContext({ colorScheme: theme, storageState: state });
      const p = await themed.newPage();
      for (const [name, path, marker] of screens) {
        await p.goto(`${product.url}${path}`);
        await p.getByText(marker, { exact: true }).first().waitFor();
        // The live streams keep connections open, so "network idle" never comes: let the queries settle.
        await p.waitForTimeout(1_500);
        await record(p, name, theme, found);
      }
      await themed.close();
    }
    expect(found).toEqual({});
  }, 900_000);
});

/** The cells of the risk table's row for one check, as the trader reads them. */
async function checkRow(page: Page, name: string) {
  const row = page.getByTestId("risk-verdict").locator("tr", { has: page.getByText(name, { exact: true }) });
  const [check, limit, value, result] = await row.first().locator("td").allTextContents();
  return { check, limit, value, result };
}

async function record(page: Page, name: string, theme: "light" | "dark", found: Record<string, Violation[]>) {
  await screenshot(page, name, theme);
  const violations = await seriousViolations(page);
  if (violations.length) found[`${name}-${theme}`] = violations;
}
