import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("toCsv", () => {
  it.each([
    ["plain fields", [["a", "b"]], '"h1","h2"\r\n"a","b"'],
    ["a comma stays inside its field", [["1,000", "x"]], '"h1","h2"\r\n"1,000","x"'],
    ["quotes are doubled", [['say "hi"', ""]], '"h1","h2"\r\n"say ""hi""",""'],
    ["a newline stays inside its field", [["line1\nline2", "y"]], '"h1","h2"\r\n"line1\nline2","y"'],
  ])("when a row has %s then the document keeps every field intact", (_name, rows, expected) => {
    expect(toCsv(["h1", "h2"], rows)).toBe(expected);
  });

  it("when exact decimal strings go in then they come out unchanged", () => {
    expect(toCsv(["price"], [["0.123456789"]])).toBe('"price"\r\n"0.123456789"');
  });
});
