import { createClient } from "@supabase/supabase-js";
import { type AuthClient, type AuthUser, listeners } from "./auth-client.ts";

/** Supabase Auth: supabase-js keeps the session and refreshes the token before it expires. */
export function supabaseAuthClient(url: string, anonKey: string): AuthClient {
  const supabase = createClient(url, anonKey);
  const changes = listeners();
  let user: AuthUser | null = null;
  supabase.auth.onAuthStateChange((_event, session) => {
    user = session?.user ? { id: session.user.id, email: session.user.email ?? "" } : null;
    changes.emit();
  });
  const fail = (error: { message: string } | null) => {
    if (error) throw new Error(error.message);
  };
  return {
    mode: "supabase",
    async getAccessToken() {
      const { data } = await supabase.auth.getSession();
      return data.session?.access_token ?? null;
    },
    user: () => user,
    async signIn(email, password) {
      fail((await supabase.auth.signInWithPassword({ email, password })).error);
    },
    async signUp(email, password) {
      const { data, error } = await supabase.auth.signUp({ email, password });
      fail(error);
      if (!data.session) throw new Error("Check your email to confirm the account, then sign in.");
    },
    async signOut() {
      fail((await supabase.auth.signOut()).error);
    },
    subscribe: changes.add,
  };
}
