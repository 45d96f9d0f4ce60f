import { createApiClient } from "../api/trpc.ts";
import type { AppConfig } from "../config.ts";
import { webEnv } from "../env.ts";
import type { AuthClient } from "./auth-client.ts";
import { localAuthClient } from "./local-auth.ts";

/** Picks the sign-in mode the API announced in /api/config; supabase-js is only downloaded when used. */
export async function createAuthClient(config: AppConfig): Promise<AuthClient> {
  if (config.authMode === "supabase") {
    const anonKey = config.supabaseAnonKey ?? webEnv.supabaseAnonKey;
    if (!config.supabaseUrl || !anonKey) {
      throw new Error(
        "The API runs in Supabase mode, but no Supabase URL (from the API) or anon key (VITE_SUPABASE_ANON_KEY) is set.",
      );
    }
    const { supabaseAuthClient } = await import("./supabase-auth.ts");
    return supabaseAuthClient(config.supabaseUrl, anonKey);
  }
  // Sign-in procedures are public: their client carries no token.
  const anonymous = createApiClient(async () => null);
  return localAuthClient({
    signIn: (input) => anonymous.auth.signIn.mutate(input),
    signUp: (input) => anonymous.auth.signUp.mutate(input),
    refresh: (input) => anonymous.auth.refresh.mutate(input),
    signOut: (input) => anonymous.auth.signOut.mutate(input),
  });
}
