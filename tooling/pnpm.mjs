#!/usr/bin/env node
// Runs the pinned pnpm on a machine that has only Node: the Quick start must not assume pnpm is installed.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const args = process.argv.slice(2);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

const local = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
const wanted = packageManager.replace(/^pnpm@/, "");
const command = local.status === 0 && local.stdout.trim() === wanted ? ["pnpm", args] : ["npx", ["--yes", packageManager, ...args]];

const result = spawnSync(command[0], command[1], { stdio: "inherit", env });
process.exit(result.status ?? 1);
