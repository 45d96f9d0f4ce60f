// RLS-scoped access for request handlers. The service client lives in "@open-trade/db/service".
export { type Connection, type ConnectOptions, connect, type Database } from "./client/connect.ts";
export { type RawSql, type SqlErrorInfo, type SqlResult, sqlErrorInfo } from "./client/raw-sql.ts";
export { type Transaction, type UserClaims, userClaimsSchema, withUser } from "./client/with-user.ts";
export { CredentialError, type CredentialErrorCode } from "./credentials/credential-error.ts";
export type { L2Credentials, PolymarketCredentials } from "./credentials/credential-fields.ts";
// Sealing only: nothing reachable from this entry can open a stored credential (credentials-api-side.test.ts).
export {
  type CredentialSealer,
  parseSealingKey,
  sealCredential,
} from "./credentials/seal-credential.ts";
export { storeCredentials } from "./credentials/store-credentials.ts";
export { type DatabaseTarget, type DbEnv, describeTarget, readDbEnv, targetFromEnv } from "./env.ts";
export { type MigrateOptions, type MigrateReport, migrate } from "./migrate/apply-migrations.ts";
export { MigrationError, type MigrationErrorCode } from "./migrate/migration-error.ts";
export * as schema from "./schema/index.ts";
