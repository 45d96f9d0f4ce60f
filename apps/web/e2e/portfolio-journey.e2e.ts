import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot, seriousViolations, type Violation } from "./browser.ts";
import { botWithOneFill, signUp } from "./first-fill.ts";
import { addLongShotMarkets } from "./fixtures.ts";
import { type Product, startProduct } from "./start-product.ts";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Everything in the V8 heap of the page, as one string (a heap snapshot forces a full collection first). */
async function heapText(context: BrowserContext, page: Page): Promise<string> {
  const cdp = await context.newCDPSession(page);
  const chunks: string[] = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", ({ chunk }) => chunks.push(chunk));
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  await cdp.detach();
  return chunks.join("");
}

/** Waits for the decision trace; on failure says what the page showed instead. */
async function expectTrace(page: Page) {
  try {
    await page.getByRole("heading", { name: "Decision trace" }).waitFor({ timeout: 20_000 });
  } catch {
    throw new Error(`No decision trace at ${page.url()}:\n${await page.locator("main").textContent()}`);
  }
}

describe("positions, ledger, markets and settings on the real API and runner", () => {
  let product: Product;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let botPath = "";
  let marketId = "";
  let session: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

  beforeAll(async () => {
    // The API seals stored credentials to the runners' X25519 public key (a fresh pair per run; raw 32 bytes).
    const raw = generateKeyPairSync("x25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32);
    process.env.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY = `e2e:${raw.toString("base64")}`;
    product = await startProduct();
    addLongShotMarkets(product.exchange);
    browser = await launchChromium();
    context = await browser.newContext({ colorScheme: "light", viewport: DESKTOP, acceptDownloads: true });
    page = await context.newPage();
    await signUp(page, product.url);
    try {
      botPath = await botWithOneFill(page, product);
    } catch (error) {
      await screenshot(page, "debug-first-fill", "light");
      throw new Error(`${String(error)}\n${await page.locator("main").textContent()}\n${product.logs()}`);
    }
    await page.goto(`${product.url}/ledger`);
    const href = await page
      .getByTestId("ledger-row")
      .first()
      .getByRole("link", { name: /long shot/ })
      .getAttribute("href");
    marketId = href?.split("/").at(-1) ?? "";
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("when a position's Why link is opened then its decision trace explains the fill", async () => {
    await page.goto(`${product.url}/positions`);
    const row = page.getByTestId("position-row").first();
    await row.waitFor();
    // The outcome and the badge come with the market, a moment after the position.
    await row.getByText("No", { exact: true }).waitFor();
    await row.getByTestId("simulated-badge").waitFor();
    await row.getByRole("link", { name: /Why/ }).click();
    await expectTrace(page);
    await page.getByText("Every check passed").waitFor();
  });

  it("when the ledger is filtered through the URL then only matching trades show, and the CSV holds them exactly", async () => {
    await page.goto(`${product.url}/ledger?side=sell`);
    await page.getByText("No trades match").waitFor();
    await page.getByLabel("Side").selectOption("buy");
    await page.waitForURL(/side=buy/);
    const rows = page.getByTestId("ledger-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);

    await page.goto(`${product.url}/ledger?side=buy&q=no-such-text`);
    await page.getByText("No trades match").waitFor();
    await page.goto(`${product.url}/ledger?side=buy&mode=paper&sort=oldest`);
    await rows.first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8").split("\r\n");
    expect(csv).toHaveLength(2);
    expect(csv[0]).toMatch(/^"time_utc","trade_id","bot","mode","market_id"/);
    const fields = (csv[1] ?? "").slice(1, -1).split('","');
    expect(fields.slice(3, 5)).toEqual(["paper", marketId]);
    expect(fields[6]).toBe("buy");
    // The NO ask was 93¢: the price is the API's exact string, not a float's rendering.
    expect(fields[8]).toMatch(/^0\.93(0*)$/);
  });

  it("when a fill's market is opened then the chart marks the fill and the marker opens its decision trace", async () => {
    await page.goto(`${product.url}/ledger`);
    await page
      .getByTestId("ledger-row")
      .first()
      .getByRole("link", { name: /long shot/ })
      .click();
    await page.getByRole("heading", { name: /long shot win the e2e election/ }).waitFor();
    await expect(page.getByTestId("simulated-badge").first().isVisible()).resolves.toBe(true);
    await page.getByLabel("Outcome").selectOption({ index: 1 });
    await expect(page.getByTestId("book-spread").textContent()).resolves.toBe("1¢");
    const marker = page.getByTestId("fill-marker").first();
    await marker.waitFor();
    await marker.click();
    await expectTrace(page);
  });

  it("when the default daily loss changes then the bot's effective limit changes with it", async () => {
    await page.goto(`${product.url}${botPath}`);
    const card = page.getByText(/^\$0\.00 of /).first();
    await card.waitFor();
    await expect(card.textContent()).resolves.not.toBe("$0.00 of $77.50");
    await page.goto(`${product.url}/settings`);
    await page.getByLabel("Default max daily loss (USD)").fill("77.50");
    await page.getByRole("button", { name: "Save risk profile" }).click();
    await page.getByText(/Risk profile saved/).waitFor();
    await page.goto(`${product.url}${botPath}`);
    await page.getByText("$0.00 of $77.50").first().waitFor();
  });

  it("when credentials are stored then the secret never comes back, and delete removes them", async () => {
    const secret = randomBytes(32).toString("hex");
    await page.goto(`${product.url}/settings`);
    await page.getByText("Not stored").waitFor();
    await page.getByLabel("Wallet private key").fill(secret);
    await page.getByRole("button", { name: "Store credentials" }).click();
    await page.getByText(/Credentials stored/).waitFor();
    await expect(page.getByLabel("Wallet private key").inputValue()).resolves.toBe("");
    await page.getByTestId("credentials-status").getByText("Stored", { exact: true }).waitFor();
    await expect(page.getByText(/0x[0-9a-fA-F]{40}/).isVisible()).resolves.toBe(true);

    await page.reload();
    await page.getByTestId("credentials-status").getByText("Stored", { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await heapText(context, page)).not.toContain(secret);

    await page.getByRole("button", { name: "Delete credentials" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByText("Not stored").waitFor();
  });

  const DEVICES = [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const;
  for (const [device, viewport] of DEVICES) {
    for (const theme of ["light", "dark"] as const) {
      it(`when every screen is opened on ${device} in ${theme} then none has a serious violation or a page-wide scroll`, async () => {
        // [screenshot name, path, what shows once the data is in]
        const screens: [string, string, string][] = [
          ["positions", "/positions", '[data-testid="simulated-badge"]:visible'],
          ["positions-closed", "/positions?status=closed", "text=No closed positions"],
          ["ledger", "/ledger", '[data-testid="simulated-badge"]:visible'],
          ["markets", "/markets", '[data-testid="simulated-badge"]:visible'],
          ["market", `/markets/${marketId}`, '[data-testid="fill-marker"]'],
          ["settings", "/settings", '[data-testid="credentials-status"]'],
          ...(device === "phone"
            ? ([
                ["overview", "/", "text=Realized PnL today"],
                ["bots", "/bots", "text=Fade long shots"],
                ["bot-builder", "/bots/new", "text=Fade long shots"],
                ["bot", botPath, "text=Open decision trace"],
              ] as [string, string, string][])
            : []),
        ];
        // One signed-in page at a time, each taking over the session the last one left (refresh tokens rotate,
        // and two pages refreshing the same one look like reuse to the API).
        if (!session) {
          session = await context.storageState();
          await page.close();
        }
        const themed = await browser.newContext({ colorScheme: theme, viewport, storageState: session });
        const p = await themed.newPage();
        const found: Record<string, Violation[] | string> = {};
        for (const [name, path, ready] of screens) {
          await p.goto(`${product.url}${path}`);
          await p.locator(ready).first().waitFor();
          await screenshot(p, `${name}-${device}`, theme);
          const violations = await seriousViolations(p);
          if (violations.length) found[name] = violations;
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) found[`${name}-scroll`] = `${overflow}px wider than the screen`;
        }
        session = await themed.storageState();
        await themed.close();
        expect(found).toEqual({});
      }, 300_000);
    }
  }
});
