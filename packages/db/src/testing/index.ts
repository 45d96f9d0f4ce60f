// Test support for packages that need the migrated database (the runner): run `globalSetup` once per vitest
// run, then `openTestDatabase()` per test file.

export { createAuthUser, createBot } from "./fixtures.ts";
export { default as globalSetup } from "./global-setup.ts";
export {
  openEmptyDatabase,
  openIsolatedTestDatabase,
  openTestDatabase,
  type TestConnection,
} from "./test-database.ts";
