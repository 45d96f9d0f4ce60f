// Migrates the suite's database once per run (PGlite dump or DATABASE_URL); see @open-trade/db/testing.
export { globalSetup as default } from "@open-trade/db/testing";
