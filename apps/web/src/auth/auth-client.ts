/** The signed-in user as the SPA knows it. */
export interface AuthUser {
  readonly id: string;
  readonly email: string;
}

/**
 * One interface for both sign-in modes, so the tRPC links and the screens never ask which one runs:
 * local accounts through the API (embedded default) or Supabase Auth (production).
 */
export interface AuthClient {
  readonly mode: "local" | "supabase";
  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  getAccessToken(): Promise<string | null>;
  user(): AuthUser | null;
  signIn(email: string, password: string): Promise<void>;
  signUp(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Called on every sign-in, refresh failure and sign-out. */
  subscribe(listener: () => void): () => void;
}

export function listeners() {
  const set = new Set<() => void>();
  return {
    add(listener: () => void) {
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit() {
      for (const listener of set) listener();
    },
  };
}
