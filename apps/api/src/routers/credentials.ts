import { schema, storeCredentials } from "@open-trade/db";
import { desc, eq } from "drizzle-orm";
import { privateKeyToAccount } from "viem/accounts";
import { ApiError } from "../errors/api-error.ts";
import { storeCredentialsInput } from "../inputs/index.ts";
import { authedProcedure, router } from "../trpc.ts";

const c = schema.apiCredentials;

/**
 * Polymarket credentials are write-only: store (sealed before they reach the database), status, delete. No
 * procedure returns a stored value, not even as ciphertext (the database does not let the user's role read it).
 */
export const credentialsRouter = router({
  store: authedProcedure.input(storeCredentialsInput).mutation(async ({ ctx, input }) => {
    const sealer = ctx.deps.sealer;
    if (!sealer) {
      throw new ApiError(
        "PRECONDITION",
        "This server cannot store credentials yet: its operator has not configured the sealing key.",
      );
    }
    const privateKey = (
      input.privateKey.startsWith("0x") ? input.privateKey : `0x${input.privateKey}`
    ) as `0x${string}`;
    let walletAddress: string;
    try {
      walletAddress = privateKeyToAccount(privateKey).address;
    } catch {
      throw new ApiError("INVALID_SETTINGS", "That private key is not a valid wallet key.", {
        fieldErrors: { privateKey: ["That private key is not a valid wallet key."] },
      });
    }
    // One set per user: storing again replaces the previous set.
    await ctx.tx.delete(c).where(eq(c.userId, ctx.me.id));
    const { id } = await storeCredentials(ctx.tx, sealer, ctx.me.id, input, walletAddress);
    return { id, stored: true as const, walletAddress };
  }),

  status: authedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.tx
      .select({ id: c.id, createdAt: c.createdAt, walletAddress: c.walletAddress })
      .from(c)
      .where(eq(c.userId, ctx.me.id))
      .orderBy(desc(c.createdAt))
      .limit(1);
    return row
      ? {
          stored: true as const,
          id: row.id,
          storedAt: row.createdAt.toISOString(),
          walletAddress: row.walletAddress,
        }
      : { stored: false as const };
  }),

  delete: authedProcedure.mutation(async ({ ctx }) => {
    const deleted = await ctx.tx.delete(c).where(eq(c.userId, ctx.me.id)).returning({ id: c.id });
    return { deleted: deleted.length };
  }),
});
