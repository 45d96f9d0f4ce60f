import type { LocalAuth } from "../auth/local-auth-api.ts";
import type { Context } from "../context.ts";
import { ApiError } from "../errors/api-error.ts";
import { emailPasswordInput, refreshTokenInput } from "../inputs/index.ts";
import { publicProcedure, router } from "../trpc.ts";

function localAuth(ctx: Context): LocalAuth {
  const local = ctx.deps.auth.local;
  if (!local) {
    throw new ApiError(
      "PRECONDITION",
      "Sign-in is handled by Supabase on this server; use the Supabase client.",
    );
  }
  return local;
}

/** Local mode sign-in (the embedded default). In Supabase mode the web app talks to Supabase Auth instead. */
export const authRouter = router({
  signUp: publicProcedure
    .input(emailPasswordInput)
    .mutation(({ ctx, input }) => localAuth(ctx).signUp(input.email, input.password, ctx.clientAddress)),
  signIn: publicProcedure
    .input(emailPasswordInput)
    .mutation(({ ctx, input }) => localAuth(ctx).signIn(input.email, input.password, ctx.clientAddress)),
  refresh: publicProcedure
    .input(refreshTokenInput)
    .mutation(({ ctx, input }) => localAuth(ctx).refresh(input.refreshToken)),
  signOut: publicProcedure.input(refreshTokenInput).mutation(async ({ ctx, input }) => {
    await localAuth(ctx).signOut(input.refreshToken);
    return { signedOut: true as const };
  }),
  /** The embedded default opens signed in as the paper-only demo user; no other server offers this. */
  demoSession: publicProcedure.mutation(({ ctx }) => {
    const demoUserId = ctx.deps.demoUserId;
    if (!demoUserId) throw new ApiError("NOT_FOUND", "This server has no demo account; sign in or sign up.");
    return localAuth(ctx).demoSession(demoUserId);
  }),
});
