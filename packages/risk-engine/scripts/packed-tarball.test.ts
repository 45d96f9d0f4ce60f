import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// What a developer gets from the registry: the tarball `pnpm pack` makes (prepack builds dist), installed with
// npm into an empty project outside this workspace, where no workspace package or tsconfig can help.
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(PACKAGE_DIR, "README.md"), "utf8");
const example = /## Use it\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
// Packing builds, and tsc starts cold: seconds alone, minutes on a shared machine under a full CI run.
const SLOW = 300_000;

let project = "";
let tarball = "";
/** Runs a command; on failure the error carries what it printed (tsc reports on stdout). */
function run(command: string, args: string[], cwd = project): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "risk-engine-consumer-"));
  run("pnpm", ["pack", "--pack-destination", project], PACKAGE_DIR);
  tarball = join(project, readdirSync(project).find((f) => f.endsWith(".tgz")) ?? "missing.tgz");
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  // No runtime dependencies, so this needs no registry: --offline proves it.
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball]);
}, SLOW);
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the packed risk engine, installed alone", () => {
  it("when the tarball is listed then it ships the built JavaScript and types, and no tests or sources", () => {
    const files = run("tar", ["tzf", tarball]).split("\n");
    expect(files).toEqual(
      expect.arrayContaining(["package/dist/index.js", "package/dist/index.d.ts", "package/README.md"]),
    );
    expect(files.filter((f) => /\.test\.|\.bench\.|^package\/src\//.test(f))).toEqual([]);
  });

  it("when the README example is type-checked with tsc --strict against the installed package then it passes", {
    timeout: SLOW,
  }, () => {
    expect(example).toContain('from "@open-trade/risk-engine"');
    writeFileSync(join(project, "example.ts"), example);
    const strict = [
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
    ];
    // lib dom for `console`: the example must not need Node's types, the engine runs in browsers too.
    run(process.execPath, [tsc, ...strict, "--lib", "es2022,dom", "--outDir", "out", "example.ts"]);
  });

  it("when the compiled example runs in plain Node as ESM then it prints the README's result", () => {
    const output = run(process.execPath, [join(project, "out", "example.js")]);
    const promised = /console\.log\([^;]*\); \/\/ (.+)$/m.exec(example)?.[1];
    expect(promised).toBe("89.73 @ 0.53");
    expect(output.trim()).toBe(promised);
  });
});
