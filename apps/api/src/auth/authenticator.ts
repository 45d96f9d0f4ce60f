import type { UserClaims } from "@open-trade/db";
import { errors, type JWTVerifyGetKey, jwtVerify } from "jose";
import { z } from "zod";
import type { LocalAuth } from "./local-auth-api.ts";

export type AuthMode = "local" | "supabase";

export interface VerifiedUser {
  readonly id: string;
  readonly email: string | null;
  /** What `withUser` sets as request.jwt.claims: only what we verified, never a role the client chose. */
  readonly claims: UserClaims;
}

export type Verification = { ok: true; user: VerifiedUser } | { ok: false; reason: string };

export interface Authenticator {
  readonly mode: AuthMode;
  /** Present in local mode: sign up, sign in, refresh, sign out. */
  readonly local: LocalAuth | null;
  /** Where a client signs in (Supabase mode: the project URL). */
  readonly supabaseUrl: string | null;
  verify(token: string): Promise<Verification>;
}

/** The one verification path both modes use: signature against a key set, issuer, audience, expiry, `sub`. */
export interface VerifierOptions {
  readonly keys: JWTVerifyGetKey;
  readonly issuer: string;
  readonly algorithms: readonly string[];
}

export const AUDIENCE = "authenticated";

const payloadSchema = z.object({
  sub: z.uuid(),
  email: z.string().max(320).optional(),
  exp: z.number(),
});

export function createTokenVerifier(options: VerifierOptions): (token: string) => Promise<Verification> {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: AUDIENCE,
        algorithms: [...options.algorithms],
        requiredClaims: ["exp", "sub"],
      });
      const parsed = payloadSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, reason: "Your sign-in token is not valid; sign in again." };
      const { sub, email } = parsed.data;
      return { ok: true, user: { id: sub, email: email ?? null, claims: { sub, role: "authenticated" } } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        return { ok: false, reason: "Your session has expired; sign in again." };
      }
      return { ok: false, reason: "Your sign-in token is not valid; sign in again." };
    }
  };
}
