import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLANTED, startTestApi, TEST_ISSUER, type TestApi } from "../testing/test-api.ts";
import { loadOrCreateSigningKey } from "./signing-key.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

const me = (token: string) => t.call("me.get", undefined, token);

describe("local sign-in over HTTP", () => {
  it("when a trader signs up then the access token opens me.get and /.well-known/jwks.json serves its key", async () => {
    const session = await t.signUp();
    const res = await me(session.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.result?.data).toMatchObject({ id: session.userId, email: session.email, tier: "pro" });
    const jwks = (await (await fetch(`${t.url}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([t.key.kid]);
    expect(jwks.keys[0]?.d).toBeUndefined();
    const config = await (await fetch(`${t.url}/api/config`)).json();
    expect(config).toMatchObject({ authMode: "local", supabaseUrl: null });
  });

  it("when the same email signs up twice then the second is a conflict, whatever its case", async () => {
    const session = await t.signUp();
    const again = await t.call(
      "auth.signUp",
      { email: session.email.toUpperCase(), password: PLANTED.password },
      undefined,
      "mutation",
    );
    expect(again.status).toBe(409);
  });

  it("when the password is wrong or the account unknown then both answer the same 401", async () => {
    const session = await t.signUp();
    const wrong = await t.call(
      "auth.signIn",
      { email: session.email, password: "not the password" },
      undefined,
      "mutation",
    );
    const unknown = await t.call(
      "auth.signIn",
      { email: `nobody-${randomUUID()}@example.test`, password: "not the password" },
      undefined,
      "mutation",
    );
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error?.message).toBe(unknown.body.error?.message);
    const right = await t.call(
      "auth.signIn",
      { email: session.email, password: PLANTED.password },
      undefined,
      "mutation",
    );
    expect(right.status).toBe(200);
  });

  it("when one account fails five times then the sixth attempt is refused even with the right password", async () => {
    const session = await t.signUp();
    for (let i = 0; i < 5; i += 1) {
      const res = await t.call(
        "auth.signIn",
        { email: session.email, password: `wrong-${i}-password` },
        undefined,
        "mutation",
      );
      expect(res.status).toBe(401);
    }
    const locked = await t.call(
      "auth.signIn",
      { email: session.email, password: PLANTED.password },
      undefined,
      "mutation",
    );
    expect(locked.status).toBe(429);
  });

  it("when a refresh token is used then it rotates, and using the spent one again ends the whole family", async () => {
    const session = await t.signUp();
    const first = await t.call("auth.refresh", { refreshToken: session.refreshToken }, undefined, "mutation");
    expect(first.status).toBe(200);
    const rotated = first.body.result?.data as { refreshToken: string; accessToken: string };
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    const replay = await t.call(
      "auth.refresh",
      { refreshToken: session.refreshToken },
      undefined,
      "mutation",
    );
    expect(replay.status).toBe(401);
    const afterTheft = await t.call(
      "auth.refresh",
      { refreshToken: rotated.refreshToken },
      undefined,
      "mutation",
    );
    expect(afterTheft.status).toBe(401);
  });

  it("when a trader signs out then the refresh token no longer works, and only a hash of it was stored", async () => {
    const session = await t.signUp();
    const out = await t.call("auth.signOut", { refreshToken: session.refreshToken }, undefined, "mutation");
    expect(out.status).toBe(200);
    const res = await t.call("auth.refresh", { refreshToken: session.refreshToken }, undefined, "mutation");
    expect(res.status).toBe(401);
    const { rows } = await t.db.raw.query<{ token_hash: string }>(
      "select token_hash from private.refresh_tokens where user_id = $1",
      [session.userId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(session.refreshToken);
  });

  it.each([
    ["expired", { issuer: TEST_ISSUER, audience: "authenticated", exp: -60, foreignKey: false }],
    ["signed by another key", { issuer: TEST_ISSUER, audience: "authenticated", exp: 600, foreignKey: true }],
    [
      "from another issuer",
      { issuer: "https://evil.example", audience: "authenticated", exp: 600, foreignKey: false },
    ],
    ["for another audience", { issuer: TEST_ISSUER, audience: "service_role", exp: 600, foreignKey: false }],
  ])("when the token is %s then me.get answers 401", async (_name, spec) => {
    const session = await t.signUp();
    const key = spec.foreignKey ? await loadOrCreateSigningKey(`/tmp/api-foreign-${randomUUID()}`) : t.key;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "ES256", kid: t.key.kid })
      .setIssuer(spec.issuer)
      .setAudience(spec.audience)
      .setSubject(session.userId)
      .setIssuedAt(now - 700)
      .setExpirationTime(now + spec.exp)
      .sign(key.privateKey);
    const res = await me(token);
    expect(res.status).toBe(401);
  });

  it("when the token's account was deleted then me.get answers 401", async () => {
    const session = await t.signUp();
    await t.db.raw.query("delete from auth.users where id = $1", [session.userId]);
    const res = await me(session.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.error?.message).toMatch(/no longer exists/);
  });

  it("when one address fails 50 times across accounts then it is refused (last: it blocks this address)", async () => {
    // Earlier tests already spent some of this address's attempts, so the refusal comes at or before the 51st.
    const statuses: number[] = [];
    for (let i = 0; i < 51; i += 1) {
      const email = `guess-${i}-${randomUUID()}@example.test`;
      statuses.push(
        (await t.call("auth.signIn", { email, password: "not the password" }, undefined, "mutation")).status,
      );
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(new Set(statuses.slice(0, firstRefusal))).toEqual(new Set([401]));
    expect(new Set(statuses.slice(firstRefusal))).toEqual(new Set([429]));
  });
});
