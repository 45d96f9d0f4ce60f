import { describe, expect, it } from "vitest";
import { toWireJson, wireNumber } from "./wire-json.ts";

describe("toWireJson", () => {
  it.each([
    [{ mts: wireNumber("0.01") }, '{"mts":0.01}'],
    [{ p: wireNumber("0.123456789012345678") }, '{"p":0.123456789012345678}'],
    [[wireNumber("-3"), "0.5"], '[-3,"0.5"]'],
    [{ big: 10n ** 30n }, '{"big":"1000000000000000000000000000000"}'],
    [undefined, "null"],
  ])("when serialising case %# then the text is %s", (value, expected) => {
    expect(toWireJson(value)).toBe(expected);
  });

  it.each(["1e5", "", "abc", "0.5.1"])("when wireNumber gets %j then it throws", (text) => {
    expect(() => wireNumber(text)).toThrow();
  });
});
