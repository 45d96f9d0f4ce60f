import { createApiClient } from "../api/trpc.ts";
import type { AppConfig } from "../config.ts";
import type { AuthClient } from "./auth-client.ts";
import { localAuthClient } from "./local-auth.ts";

/** Picks the sign-in mode the API announced in /api/config; supabase-js is only downloaded when used. */
export async function createAuthClient(config: AppConfig): Promise<AuthClient> {
  if (config.authMode === "supabase") {
    if (!config.supabaseUrl || !config.supabaseAnonKey) {
      throw new Error("The API runs in Supabase mode but gave no Supabase URL and anon key.");
    }
    const { supabaseAuthClient } = await import("./supabase-auth.ts");
    return supabaseAuthClient(config.supabaseUrl, config.supabaseAnonKey);
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
