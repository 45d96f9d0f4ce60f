// Fails the build when the first visit's JavaScript exceeds its budget, or when routes stop being split.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { initialScripts } from "./initial-scripts.ts";

const BUDGET_KB = 250;
/** With routes split, every screen has its own chunk; far fewer chunks means a route got bundled in. */
const MIN_CHUNKS = 10;

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const html = readFileSync(`${dist}index.html`, "utf8");
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

const sizes = initialScripts(html).map((path) => {
  const gzipped = gzipSync(readFileSync(`${dist}${path.replace(/^\//, "")}`), { level: 9 }).length;
  return { path, gzipped };
});
const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
const chunks = readdirSync(`${dist}assets`).filter((f) => f.endsWith(".js")).length;

for (const s of sizes) process.stdout.write(`  ${s.path}  ${kb(s.gzipped)} KB gzipped\n`);
process.stdout.write(
  `Initial JavaScript: ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB); ${chunks} chunks in all.\n`,
);

const problems = [
  ...(sizes.length === 0 ? ["dist/index.html loads no module script: was the build run?"] : []),
  ...(total > BUDGET_KB * 1024
    ? [`initial JavaScript is ${kb(total)} KB gzipped, over ${BUDGET_KB} KB`]
    : []),
  ...(chunks < MIN_CHUNKS ? [`only ${chunks} chunks: routes are no longer split`] : []),
];
if (problems.length > 0) {
  process.stderr.write(`Bundle budget failed: ${problems.join("; ")}.\n`);
  process.exit(1);
}
