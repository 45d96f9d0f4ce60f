import type { Authenticator, AuthMode } from "../auth/authenticator.ts";

/** GET /api/config: what a client needs before signing in, so one web build serves both modes. */
export interface ApiConfig {
  readonly authMode: AuthMode;
  /** Supabase mode: the project URL the client signs in with (its anon key is public and configured client-side). */
  readonly supabaseUrl: string | null;
  readonly modelKeyConfigured: boolean;
}

export function apiConfig(auth: Authenticator, modelKeyConfigured: boolean): ApiConfig {
  return { authMode: auth.mode, supabaseUrl: auth.supabaseUrl, modelKeyConfigured };
}
