import { z } from "zod";

/** What the API tells the SPA at start-up, so one build serves local and Supabase sign-in. */
const configSchema = z.object({
  authMode: z.enum(["local", "supabase"]),
  supabaseUrl: z.string().nullable().optional(),
  supabaseAnonKey: z.string().nullable().optional(),
  /** The embedded default: open signed in as the paper-only demo user. */
  demo: z.boolean().optional(),
});

export type AppConfig = z.infer<typeof configSchema>;

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch("/api/config", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The API answered ${response.status} for /api/config; is it running?`);
  const parsed = configSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error("The API's /api/config has a shape this web app does not understand.");
  return parsed.data;
}
