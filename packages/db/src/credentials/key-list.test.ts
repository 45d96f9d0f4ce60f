import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyList } from "./key-list.ts";

const key = () => randomBytes(32).toString("base64");
const NAME = "OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS";

describe("parseKeyList", () => {
  it("when several keys are listed then they come back in the order listed", () => {
    const [a, b] = [key(), key()];
    const keys = parseKeyList(`k2:${a}, k1:${b}`, NAME);
    expect([...keys.keys()]).toEqual(["k2", "k1"]);
    expect(keys.get("k1")?.toString("base64")).toBe(b);
  });

  it.each([
    ["nothing is set", undefined, "KEY_MISSING"],
    ["the value is blank", "  ", "KEY_MISSING"],
    ["an entry has no id", key(), "KEY_INVALID"],
    ["an id has a dot", `k.1:${key()}`, "KEY_INVALID"],
    ["a key is 16 bytes", `k1:${randomBytes(16).toString("base64")}`, "KEY_INVALID"],
    ["a key is not base64", "k1:not base64 at all!!", "KEY_INVALID"],
    ["an id is listed twice", `k1:${key()},k1:${key()}`, "KEY_INVALID"],
  ])("when %s then it fails (%s)", (_what, text, code) => {
    expect(() => parseKeyList(text, NAME)).toThrow(expect.objectContaining({ code }));
  });

  it("when a key is rejected then the message names the variable but never contains the key material", () => {
    const secret = randomBytes(16).toString("base64");
    const error = (() => {
      try {
        parseKeyList(`k1:${secret}`, NAME);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain(NAME);
    expect(error?.message).not.toContain(secret);
  });
});
