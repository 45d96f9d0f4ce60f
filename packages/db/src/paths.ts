import { fileURLToPath } from "node:url";

/** Folders this package reads, resolved from its own location so that any working directory works. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const migrationsDir = fileURLToPath(new URL("../../../supabase/migrations/", import.meta.url));
export const standInFile = fileURLToPath(new URL("../sql/supabase-stand-in.sql", import.meta.url));
export const defaultDataDir = fileURLToPath(new URL("../../../.data/pglite", import.meta.url));
