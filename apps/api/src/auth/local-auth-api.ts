/** What local (embedded) sign-in offers; its implementation is local-auth.ts. */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** When the access token expires (ISO); refresh before then. */
  readonly expiresAt: string;
  readonly user: { readonly id: string; readonly email: string };
}

export interface LocalAuth {
  signUp(email: string, password: string, address: string): Promise<Session>;
  signIn(email: string, password: string, address: string): Promise<Session>;
  /** Spends `refreshToken` and returns a new session; a spent token used again revokes its whole family. */
  refresh(refreshToken: string): Promise<Session>;
  signOut(refreshToken: string): Promise<void>;
  /** A session for the embedded demo user, who has no password: only the embedded launcher enables it. */
  demoSession(userId: string): Promise<Session>;
  jwks(): { keys: unknown[] };
}
