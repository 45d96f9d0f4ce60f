import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import { sql } from "drizzle-orm";
import { createLocalJWKSet, SignJWT } from "jose";
import { ApiError } from "../errors/api-error.ts";
import { AUDIENCE, type Authenticator, createTokenVerifier } from "./authenticator.ts";
import type { LocalAuth, Session } from "./local-auth-api.ts";
import { DECOY_HASH, hashPassword, verifyPassword } from "./password-hash.ts";
import { SharedRateLimiter } from "./shared-rate-limiter.ts";
import type { SigningKey } from "./signing-key.ts";

const ACCESS_SECONDS = 15 * 60;
const REFRESH_DAYS = 30;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const bad = () => new ApiError("UNAUTHENTICATED", "Wrong email or password.");

/**
 * Local (embedded) mode: accounts in the stand-in auth.users plus private.local_accounts, tokens signed ES256 by
 * this process's key. Runs on the API's own connection (the private tables have no grant to any API role).
 */
export function localAuthenticator(options: {
  readonly db: Database;
  readonly key: SigningKey;
  readonly issuer: string;
  readonly now?: () => number;
}): Authenticator {
  const { db, key, issuer } = options;
  const now = options.now ?? Date.now;
  // Failed sign-ins (and sign-ups) count: 5 per account and 50 per address in 15 minutes, in the database, so
  // every API process behind a load balancer shares the same counters.
  // Keyed by the signing key too: every process of one deployment signs with the same key (one key set), while
  // two deployments (or test servers) on one database keep their own counts.
  const perAccount = new SharedRateLimiter(db, 5, 15 * 60_000, now, key.kid);
  const perAddress = new SharedRateLimiter(db, 50, 15 * 60_000, now, key.kid);
  const addressKey = (address: string) => `address:${address}`;

  const checkLimits = async (account: string, address: string) => {
    const wait = Math.max(
      await perAccount.retryAfterSeconds(account),
      await perAddress.retryAfterSeconds(addressKey(address)),
    );
    if (wait > 0) {
      throw new ApiError(
        "RATE_LIMITED",
        `Too many sign-in attempts; try again in ${Math.ceil(wait / 60)} minutes.`,
      );
    }
  };

  async function issue(userId: string, email: string, familyId: string): Promise<Session> {
    const issuedAt = Math.floor(now() / 1000);
    const accessToken = await new SignJWT({ email, role: "authenticated" })
      .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_SECONDS)
      .sign(key.privateKey);
    const refreshToken = randomBytes(32).toString("base64url");
    await db.execute(sql`insert into private.refresh_tokens (user_id, token_hash, family_id, expires_at)
      values (${userId}, ${hashToken(refreshToken)}, ${familyId}, now() + make_interval(days => ${REFRESH_DAYS}))`);
    const expiresAt = new Date((issuedAt + ACCESS_SECONDS) * 1000).toISOString();
    return { accessToken, refreshToken, expiresAt, user: { id: userId, email } };
  }

  const local: LocalAuth = {
    async signUp(email, password, address) {
      await checkLimits(`signup:${address}`, address);
      await perAddress.hit(addressKey(address));
      const userId = randomUUID();
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const taken = await selectRows(
          tx,
          sql`select 1 from private.local_accounts where lower(email) = lower(${email})`,
        );
        if (taken.length > 0)
          throw new ApiError("CONFLICT", "An account with this email already exists; sign in.");
        await tx.execute(sql`insert into auth.users (id, email) values (${userId}, ${email})`);
        await tx.execute(sql`insert into private.local_accounts (user_id, email, password_hash)
          values (${userId}, ${email}, ${passwordHash})`);
      });
      return issue(userId, email, randomUUID());
    },

    async signIn(email, password, address) {
      const account = `account:${email.toLowerCase()}`;
      await checkLimits(account, address);
      const [row] = await db.transaction((tx) =>
        selectRows<{ userId: string; email: string; hash: string }>(
          tx,
          sql`select user_id as "userId", email, password_hash as hash from private.local_accounts
               where lower(email) = lower(${email})`,
        ),
      );
      const matches = await verifyPassword(password, row?.hash ?? DECOY_HASH);
      if (!row || !matches) {
        await perAccount.hit(account);
        await perAddress.hit(addressKey(address));
        throw bad();
      }
      await perAccount.reset(account);
      return issue(row.userId, row.email, randomUUID());
    },

    async refresh(refreshToken) {
      const tokenHash = hashToken(refreshToken);
      const spent = await db.transaction(async (tx) => {
        const [row] = await selectRows<{ userId: string; familyId: string; email: string }>(
          tx,
          sql`update private.refresh_tokens r set used_at = now()
                from auth.users u
               where r.token_hash = ${tokenHash} and r.used_at is null and r.revoked_at is null
                 and r.expires_at > now() and u.id = r.user_id
           returning r.user_id as "userId", r.family_id as "familyId", u.email`,
        );
        if (row) return row;
        // A spent token presented again was stolen or replayed: end every session of its family.
        await tx.execute(sql`update private.refresh_tokens set revoked_at = now()
          where revoked_at is null and family_id in
            (select family_id from private.refresh_tokens where token_hash = ${tokenHash})`);
        return null;
      });
      if (!spent) throw new ApiError("UNAUTHENTICATED", "Your session has ended; sign in again.");
      return issue(spent.userId, spent.email, spent.familyId);
    },

    async signOut(refreshToken) {
      await db.execute(sql`update private.refresh_tokens set revoked_at = now()
        where revoked_at is null and family_id in
          (select family_id from private.refresh_tokens where token_hash = ${hashToken(refreshToken)})`);
    },

    async demoSession(userId) {
      const [row] = await db.transaction((tx) =>
        selectRows<{ email: string }>(tx, sql`select email from auth.users where id = ${userId}`),
      );
      if (!row) throw new ApiError("UNAUTHENTICATED", "The demo account does not exist; restart Open Trade.");
      return issue(userId, row.email, randomUUID());
    },

    jwks: () => ({ keys: [key.publicJwk] }),
  };

  const verify = createTokenVerifier({
    keys: createLocalJWKSet({ keys: [key.publicJwk] }),
    issuer,
    algorithms: ["ES256"],
  });
  return { mode: "local", local, supabaseUrl: null, verify };
}
