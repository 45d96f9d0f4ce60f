import { describe, expect, it } from "vitest";
import { initialScripts } from "./initial-scripts.ts";

describe("initialScripts", () => {
  it("when the built page has an entry and modulepreloads then all of them count, each once", () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-b.js">
      <link rel="modulepreload" crossorigin href="/assets/react-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">`;
    expect(initialScripts(html)).toEqual(["/assets/index-a.js", "/assets/react-b.js"]);
  });

  it("when the page has no module script then nothing counts", () => {
    expect(initialScripts("<html></html>")).toEqual([]);
  });
});
