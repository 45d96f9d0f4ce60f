import type { Page } from "playwright-core";
import { expectTemplateRecipe } from "./fixtures.ts";
import type { Product } from "./start-product.ts";

const LIVE_WAIT = 60_000;

/**
 * The embedded default opens signed in as the paper-only demo user; signing out (in the page, since a fresh
 * load would open the demo again) leaves the sign-in page.
 */
export async function leaveDemo(page: Page, url: string) {
  await page.goto(url);
  await page.getByText("demo, paper only").first().waitFor({ timeout: LIVE_WAIT });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
}

/** A new trader leaves the demo, signs up and lands on their overview, with the live stream connected. */
export async function signUp(page: Page, url: string) {
  await leaveDemo(page, url);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Email").fill(`trader-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await page.locator('[data-live-state="live"]').waitFor({ timeout: LIVE_WAIT });
}

/**
 * Builds the "Fade long shots" bot with no daily loss limit of its own (so the risk profile's default applies),
 * starts it and runs it once; returns the bot page's path once its fill has arrived.
 */
export async function botWithOneFill(page: Page, product: Product): Promise<string> {
  await page.getByRole("link", { name: "Bots" }).first().click();
  await page.getByRole("link", { name: "New bot" }).click();
  await page.getByRole("button", { name: /Fade long shots/ }).click();
  await page.getByLabel("Max trades per day").fill("1");
  await page.getByLabel("Max daily loss (USD)").fill("");
  await page.getByRole("button", { name: "Create bot" }).click();
  await page.waitForURL(/\/bots\/[0-9a-f-]{36}/);
  const botPath = new URL(page.url()).pathname;
  await expectTemplateRecipe(page, product.url, botPath.split("/").at(-1) ?? "", "Fade long shots");
  await page.reload();
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: "Run now" }).click();
  await page.locator('li[data-outcome="filled"]').first().waitFor({ timeout: LIVE_WAIT });
  return botPath;
}
