import { beforeEach, describe, expect, it } from "vitest";
import { type LocalAuthApi, localAuthClient, type Session } from "./local-auth.ts";

const session = (id: string): Session => ({
  accessToken: `access-${id}`,
  refreshToken: `refresh-${id}`,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: { id, email: `${id}@example.com` },
});

function fakeApi(calls: string[]): LocalAuthApi {
  const answer = (name: string, id: string) => async () => {
    calls.push(name);
    return session(id);
  };
  return {
    signIn: answer("signIn", "trader"),
    signUp: answer("signUp", "trader"),
    refresh: answer("refresh", "trader"),
    signOut: answer("signOut", "trader"),
    demoSession: answer("demoSession", "demo"),
  };
}

beforeEach(() => localStorage.clear());

describe("the embedded demo session", () => {
  it("when nobody is signed in then opening the demo signs in as the demo user", async () => {
    const calls: string[] = [];
    const client = localAuthClient(fakeApi(calls));
    await client.openDemo();
    expect(client.user()?.id).toBe("demo");
    expect(await client.getAccessToken()).toBe("access-demo");
    expect(calls).toEqual(["demoSession"]);
  });

  it("when a trader is already signed in then opening the demo keeps the trader", async () => {
    const calls: string[] = [];
    const client = localAuthClient(fakeApi(calls));
    await client.signIn("trader@example.com", "a password");
    await client.openDemo();
    expect(client.user()?.id).toBe("trader");
    expect(calls).toEqual(["signIn"]);
  });
});
