export type CredentialColumn = "api_key" | "api_secret" | "passphrase" | "private_key";

/** What a sealed value is bound to: moving it to another row, user or column makes it fail to open. */
export interface FieldContext {
  readonly rowId: string;
  readonly userId: string;
  readonly column: CredentialColumn;
}

/** The AES-GCM associated data: the version, the key id and where the value lives. */
export const associatedData = (version: string, keyId: string, ctx: FieldContext) =>
  Buffer.from(
    `open-trade/api_credentials/${version === "otc1" ? "" : `${version}/`}${ctx.column}/${ctx.rowId}/${ctx.userId}/${keyId}`,
    "utf8",
  );
