import { type AuthClient, type AuthUser, listeners } from "./auth-client.ts";

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: string;
  readonly user: AuthUser;
}

/** The API's local-account procedures, passed in so this file does not depend on the transport. */
export interface LocalAuthApi {
  signIn(input: { email: string; password: string }): Promise<Session>;
  signUp(input: { email: string; password: string }): Promise<Session>;
  refresh(input: { refreshToken: string }): Promise<Session>;
  signOut(input: { refreshToken: string }): Promise<unknown>;
  /** The embedded default's paper-only demo user (the API refuses it everywhere else). */
  demoSession(): Promise<Session>;
}

const STORAGE_KEY = "open-trade-session";
/** Refresh this long before the access token expires, so a request never carries a dying token. */
const REFRESH_MARGIN_MS = 60_000;

function readStored(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export interface LocalAuthClient extends AuthClient {
  /** Signs in as the embedded demo user unless someone is already signed in. */
  openDemo(): Promise<void>;
}

export function localAuthClient(api: LocalAuthApi, now: () => number = Date.now): LocalAuthClient {
  let session = readStored();
  let refreshing: Promise<Session | null> | null = null;
  const changes = listeners();

  const store = (next: Session | null) => {
    session = next;
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    changes.emit();
  };

  // One refresh at a time: a refresh token is single-use, and reusing one revokes the whole family.
  const refresh = (current: Session) => {
    refreshing ??= api
      .refresh({ refreshToken: current.refreshToken })
      .then((next) => {
        store(next);
        return next;
      })
      .catch(() => {
        store(null);
        return null;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  return {
    mode: "local",
    async getAccessToken() {
      const current = session;
      if (!current) return null;
      if (Date.parse(current.expiresAt) - now() > REFRESH_MARGIN_MS) return current.accessToken;
      return (await refresh(current))?.accessToken ?? null;
    },
    user: () => session?.user ?? null,
    async signIn(email, password) {
      store(await api.signIn({ email, password }));
    },
    async signUp(email, password) {
      store(await api.signUp({ email, password }));
    },
    async openDemo() {
      if (!session) store(await api.demoSession());
    },
    async signOut() {
      const current = session;
      store(null);
      if (current) await api.signOut({ refreshToken: current.refreshToken }).catch(() => undefined);
    },
    subscribe: changes.add,
  };
}
