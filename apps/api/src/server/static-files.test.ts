import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing/test-api.ts";

let t: TestApi;
beforeAll(async () => {
  const dist = await mkdtemp(join(tmpdir(), "web-dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(join(dist, "index.html"), "<!doctype html><title>Open Trade</title>");
  await writeFile(join(dist, "assets", "app-1234.js"), "console.log('app')");
  await writeFile(join(tmpdir(), "outside-the-dist.txt"), "must not be served");
  t = await startTestApi({ webDist: dist });
});
afterAll(async () => {
  await t?.close();
});

/** A raw GET, so a path with ../ reaches the server as written (fetch would normalise it). */
function rawGet(path: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(t.url);
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web build next to the API", () => {
  it.each([
    ["/", "<!doctype html>", "text/html"],
    ["/bots/some-id", "<!doctype html>", "text/html"],
    ["/assets/app-1234.js", "console.log", "text/javascript"],
  ])("when %s is asked for then it is served", async (path, start, type) => {
    const res = await rawGet(path);
    expect(res.status).toBe(200);
    expect(res.body.startsWith(start)).toBe(true);
    expect(res.type).toContain(type);
  });

  it.each(["/../outside-the-dist.txt", "/%2e%2e/outside-the-dist.txt", "/assets/../../outside-the-dist.txt"])(
    "when %s climbs out of the build folder then the app's index is served instead",
    async (path) => {
      const res = await rawGet(path);
      expect(res.body).not.toContain("must not be served");
    },
  );

  it("when the API's own paths are asked for then the API answers, not the web build", async () => {
    expect((await rawGet("/healthz")).body).toBe('{"ok":true}');
    expect((await rawGet("/api/config")).type).toContain("application/json");
  });
});
