import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { type Authenticator, createTokenVerifier } from "./authenticator.ts";

/**
 * Supabase mode: access tokens from Supabase Auth, checked against the project's JWKS (one remote key set per
 * process, cached by jose). The legacy shared HS256 secret is accepted only when explicitly configured.
 */
export function supabaseAuthenticator(options: {
  readonly supabaseUrl: string;
  readonly legacyHs256Secret?: string;
}): Authenticator {
  const base = options.supabaseUrl.replace(/\/+$/, "");
  const jwks = createRemoteJWKSet(new URL(`${base}/auth/v1/.well-known/jwks.json`));
  const secret = options.legacyHs256Secret ? new TextEncoder().encode(options.legacyHs256Secret) : null;
  const keys: JWTVerifyGetKey = (header, token) =>
    secret && header.alg === "HS256" ? secret : jwks(header, token);
  const verify = createTokenVerifier({
    keys,
    issuer: `${base}/auth/v1`,
    algorithms: secret ? ["ES256", "RS256", "HS256"] : ["ES256", "RS256"],
  });
  return { mode: "supabase", local: null, supabaseUrl: base, verify };
}
