import { parseKeyList } from "./key-list.ts";

/** The symmetric keys of the old otc1 format, by id: read only by `db:rotate-credentials`, never used to seal. */
export type LegacyKeyring = ReadonlyMap<string, Buffer>;

/** Reads OPEN_TRADE_CREDENTIAL_KEYS (`id:base64,...`, 32 bytes each). */
export function parseLegacyKeyring(keysText: string | undefined): LegacyKeyring {
  return parseKeyList(keysText, "OPEN_TRADE_CREDENTIAL_KEYS");
}
