import { schema, type Transaction, withUser } from "@open-trade/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "./context.ts";
import { ApiError } from "./errors/api-error.ts";
import { type PublicError, toPublicError } from "./errors/error-map.ts";
import { findOwnedBot } from "./routers/owned-bot.ts";

// The only initTRPC. No transformer: money travels as exact decimal strings, dates as ISO strings.
const t = initTRPC.context<Context>().create({
  isDev: false,
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 20_000 } },
  errorFormatter({ shape, error, ctx }) {
    const mapped = error instanceof MappedError ? error.publicError : toPublicError(error);
    const requestId = ctx?.requestId;
    return {
      code: shape.code,
      message: mapped?.message ?? `Something went wrong on our side (request id ${requestId ?? "unknown"}).`,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        ...(shape.data.path ? { path: shape.data.path } : {}),
        ...(requestId ? { requestId } : {}),
        ...(mapped?.fieldErrors ? { fieldErrors: mapped.fieldErrors } : {}),
        ...(mapped?.reasons ? { reasons: mapped.reasons } : {}),
      },
    };
  },
});

/** An error already mapped to what the client may see; the original stays as `cause` for the server only. */
class MappedError extends TRPCError {
  constructor(
    readonly publicError: PublicError,
    cause: unknown,
  ) {
    super({ code: publicError.code, message: publicError.message, cause });
  }
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every error leaves here mapped: one code per domain error (see error-map.ts); an error nobody anticipated is
 * logged with the request id and answered as INTERNAL_SERVER_ERROR carrying only that id.
 */
const mapErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  ctx.deps.metrics.observe(path, type, result.ok ? "ok" : result.error.code, performance.now() - started);
  if (result.ok) return result;
  const mapped = toPublicError(result.error);
  if (!mapped) {
    const cause = result.error.cause ?? result.error;
    ctx.deps.log.error("request.failed", {
      requestId: ctx.requestId,
      path,
      error: cause instanceof Error ? cause.name : typeof cause,
    });
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal", cause: result.error });
  }
  throw new MappedError(mapped, result.error);
});

export const publicProcedure = t.procedure.use(mapErrors);

const requireUser = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new ApiError("UNAUTHENTICATED", ctx.authFailure ?? "Sign in to do that.");
  }
  return next({ ctx: { user: ctx.user } });
});

/** A signed-in user whose account still exists, with their tier; the database's RLS scopes `tx`. */
export interface UserContext {
  readonly id: string;
  readonly email: string | null;
  readonly tier: "free" | "basic" | "pro";
}

/**
 * Every query of the procedure runs in one transaction as `authenticated` with the verified claims (`withUser`),
 * so RLS decides what the user sees. A token of a deleted account stops here.
 */
export const authedProcedure = requireUser.use(async ({ ctx, next }) => {
  return withUser(ctx.deps.db, ctx.user.claims, async (tx: Transaction) => {
    const me = await currentUser(tx, ctx.user.id);
    if (!me) throw new ApiError("UNAUTHENTICATED", "This account no longer exists; sign up again.");
    const result = await next({ ctx: { tx, me: { ...me, email: ctx.user.email } } });
    // Rolls the transaction back when the procedure failed.
    if (!result.ok) throw result.error;
    return result;
  });
});

/**
 * For procedures that outlive one transaction (subscriptions): the account is checked once, then they open
 * `withUser` per step themselves.
 */
export const liveProcedure = requireUser.use(async ({ ctx, next }) => {
  const me = await withUser(ctx.deps.db, ctx.user.claims, (tx) => currentUser(tx, ctx.user.id));
  if (!me) throw new ApiError("UNAUTHENTICATED", "This account no longer exists; sign up again.");
  return next();
});

/** A procedure about one bot: NOT_FOUND unless the signed-in user owns `botId` (and it is not archived away). */
export const botProcedure = authedProcedure
  .input(z.object({ botId: z.uuid("botId must be a bot id") }))
  .use(async ({ ctx, input, next }) => {
    const bot = await findOwnedBot(ctx.tx, ctx.me.id, input.botId);
    if (!bot) throw new ApiError("NOT_FOUND", "No such bot.");
    return next({ ctx: { bot } });
  });

export async function currentUser(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ id: schema.users.id, tier: schema.users.tier })
    .from(schema.users)
    .where(eq(schema.users.id, id));
  return row ?? null;
}
