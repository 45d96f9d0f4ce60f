// Rewrites the generated part of README.md from the built package (run after `tsc -p tsconfig.build.json`),
// so the denial table always matches the code. scripts/readme.test.ts fails when it was not re-run.
import { readFileSync, writeFileSync } from "node:fs";
import { withRiskDocs } from "../dist/docs/denial-table.js";

const path = new URL("../README.md", import.meta.url);
writeFileSync(path, withRiskDocs(readFileSync(path, "utf8")));
