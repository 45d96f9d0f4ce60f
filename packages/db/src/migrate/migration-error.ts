export type MigrationErrorCode = "MIGRATION_CHANGED" | "MIGRATION_MISSING" | "MIGRATION_FAILED";

/** A migration problem with a stable code and a message that says what to do. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  readonly version: string;

  constructor(code: MigrationErrorCode, version: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "MigrationError";
    this.code = code;
    this.version = version;
  }
}
