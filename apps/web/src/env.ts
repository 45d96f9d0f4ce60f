/** The only place the web app reads build-time settings. */
export const webEnv = {
  /** Supabase's anon key is public; the API's /api/config does not carry it, so the build may. */
  supabaseAnonKey: (import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined) ?? null,
};
