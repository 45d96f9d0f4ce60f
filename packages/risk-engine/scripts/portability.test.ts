import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url);
const sources = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter(
  (f) => f.endsWith(".ts") && !/\.(test|test-d|bench)\.ts$/.test(f),
);

describe("the shipped source", () => {
  it.each(sources)("when %s is read then it uses nothing Node-only, no clock and no randomness", (file) => {
    const text = readFileSync(new URL(file, SRC), "utf8");
    expect(
      text.match(/from "node:|\bprocess\.|\bDate\.now\(|\bnew Date\(|Math\.random\(|\brequire\(/g),
    ).toBeNull();
  });

  it.each(sources)("when %s is read then every import is relative (no runtime dependency)", (file) => {
    const imports = [...readFileSync(new URL(file, SRC), "utf8").matchAll(/from "([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(imports.filter((i) => !i?.startsWith("."))).toEqual([]);
  });
});
