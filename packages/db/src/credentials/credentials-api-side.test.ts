import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as main from "../index.ts";
import * as service from "../service.ts";

// The guarantee: the API imports only "@open-trade/db" (this package's main entry), and nothing reachable from it
// can open a stored credential or even parse a private key.
const OPENING = /open|load|rotat|decrypt|privat|keyring|legacy/i;
const OPENING_FILES = [
  "open-credential.ts",
  "load-credentials.ts",
  "legacy-envelope.ts",
  "keyring.ts",
  "service.ts",
];

/** Every source file the main entry imports, transitively (relative imports only: packages are outside). */
function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      visit(resolve(dirname(file), match[1] ?? ""));
    }
  };
  visit(entry);
  return seen;
}

const here = dirname(fileURLToPath(import.meta.url));

describe("the API side (@open-trade/db main entry)", () => {
  it("when its exports are listed then none opens, loads or rotates credentials", () => {
    expect(Object.keys(main).filter((name) => OPENING.test(name))).toEqual([]);
    expect(Object.keys(main)).toEqual(
      expect.arrayContaining(["storeCredentials", "sealCredential", "parseSealingKey"]),
    );
  });

  it("when its imports are followed then no file that opens credentials is reachable", () => {
    const files = [...reachableFrom(resolve(here, "../index.ts"))].map((file) => file.split("/").pop());
    expect(files).toContain("seal-credential.ts");
    expect(files.filter((file) => OPENING_FILES.includes(file ?? ""))).toEqual([]);
  });

  it("when the service entry is listed then that is where opening lives", () => {
    expect(Object.keys(service)).toEqual(
      expect.arrayContaining(["loadCredentials", "openCredential", "parseOpeningKeys", "rotateCredentials"]),
    );
  });
});
