import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "./keyring.ts";

const key = () => randomBytes(32).toString("base64");

describe("parseKeyring", () => {
  it("when several keys are listed then the first is active unless one is named", () => {
    const text = `k2:${key()},k1:${key()}`;
    expect(parseKeyring(text).activeKeyId).toBe("k2");
    expect(parseKeyring(text, "k1").activeKeyId).toBe("k1");
    expect([...parseKeyring(text).keys.keys()]).toEqual(["k2", "k1"]);
  });

  it.each([
    ["nothing is set", undefined, undefined, "KEY_MISSING"],
    ["the value is blank", "  ", undefined, "KEY_MISSING"],
    ["an entry has no id", key(), undefined, "KEY_INVALID"],
    ["an id has a dot", `k.1:${key()}`, undefined, "KEY_INVALID"],
    ["a key is 16 bytes", `k1:${randomBytes(16).toString("base64")}`, undefined, "KEY_INVALID"],
    ["a key is not base64", "k1:not base64 at all!!", undefined, "KEY_INVALID"],
    ["an id is listed twice", `k1:${key()},k1:${key()}`, undefined, "KEY_INVALID"],
    ["the active id is not listed", `k1:${key()}`, "k9", "KEY_UNKNOWN"],
  ])("when %s then it fails (%s, %s)", (_what, text, active, code) => {
    expect(() => parseKeyring(text, active)).toThrow(expect.objectContaining({ code }));
  });

  it("when a key is rejected then the message never contains the key material", () => {
    const secret = randomBytes(16).toString("base64");
    expect(() => parseKeyring(`k1:${secret}`)).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining(secret) }),
    );
  });
});
