import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCS_END, DOCS_START, renderRiskDocs, withRiskDocs } from "../src/docs/denial-table.ts";
import { DENIAL_CODES } from "../src/risk/denial.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("when the code changes then the generated tables are regenerated (run the docs script)", () => {
    expect(readme).toBe(withRiskDocs(readme));
  });

  it.each(DENIAL_CODES)("when the table is rendered then it has a row for %s", (code) => {
    expect(renderRiskDocs()).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, "m"));
  });

  it("when the markers are missing then regeneration refuses", () => {
    expect(() => withRiskDocs("no markers")).toThrow(DOCS_START);
    expect(() => withRiskDocs(`${DOCS_END}${DOCS_START}`)).toThrow(DOCS_END);
  });
});
