import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supabaseAuthenticator } from "./supabase-auth.ts";

// A stand-in for a Supabase project's Auth on 127.0.0.1: it only serves the project's JWKS.
let server: Server;
let projectUrl: string;
let projectKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let jwksRequests = 0;
const KID = "project-key-1";
const LEGACY_SECRET = "legacy-hs256-secret-of-at-least-32-characters";

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  projectKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "ES256", use: "sig" };
  server = createServer((req, res) => {
    if (req.url === "/auth/v1/.well-known/jwks.json") {
      jwksRequests += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  projectUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

function token(
  spec: { issuer?: string; audience?: string; expiresIn?: string; sub?: string; hs256?: boolean } = {},
) {
  const jwt = new SignJWT({ role: "authenticated", email: "trader@example.test" })
    .setIssuer(spec.issuer ?? `${projectUrl}/auth/v1`)
    .setAudience(spec.audience ?? "authenticated")
    .setSubject(spec.sub ?? randomUUID())
    .setIssuedAt()
    .setExpirationTime(spec.expiresIn ?? "5m");
  return spec.hs256
    ? jwt.setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(LEGACY_SECRET))
    : jwt.setProtectedHeader({ alg: "ES256", kid: KID }).sign(projectKey);
}

describe("Supabase mode", () => {
  it("when a project token is valid then the user is its sub, and the key set is fetched once per process", async () => {
    const auth = supabaseAuthenticator({ supabaseUrl: projectUrl });
    const sub = randomUUID();
    const before = jwksRequests;
    for (let i = 0; i < 3; i += 1) {
      const result = await auth.verify(await token({ sub }));
      expect(result).toEqual({
        ok: true,
        user: { id: sub, email: "trader@example.test", claims: { sub, role: "authenticated" } },
      });
    }
    expect(jwksRequests - before).toBe(1);
  });

  it.each([
    ["another issuer", { issuer: "https://other.supabase.co/auth/v1" }],
    ["another audience", { audience: "anon" }],
    ["an expired token", { expiresIn: "-1m" }],
    ["a sub that is not a user id", { sub: "service_role" }],
    ["an HS256 token without the secret configured", { hs256: true }],
  ])("when the token has %s then it is refused", async (_name, spec) => {
    const auth = supabaseAuthenticator({ supabaseUrl: projectUrl });
    const result = await auth.verify(await token(spec));
    expect(result.ok).toBe(false);
  });

  it("when the legacy HS256 secret is configured then an HS256 project token verifies through the same path", async () => {
    const auth = supabaseAuthenticator({ supabaseUrl: projectUrl, legacyHs256Secret: LEGACY_SECRET });
    expect((await auth.verify(await token({ hs256: true }))).ok).toBe(true);
    expect((await auth.verify(await token({ hs256: true, issuer: "https://evil.example" }))).ok).toBe(false);
    expect(auth.mode).toBe("supabase");
    expect(auth.local).toBeNull();
  });
});
