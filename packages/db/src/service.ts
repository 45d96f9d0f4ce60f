// The RLS-bypassing side of the database. Import only from the runner and operator scripts, never from the API.
export { asService } from "./client/service.ts";
export { generateCredentialKeyPair } from "./credentials/generate-key-pair.ts";
export { type LegacyKeyring, parseLegacyKeyring } from "./credentials/keyring.ts";
export { loadCredentials, type StoredCredentials } from "./credentials/load-credentials.ts";
export { type CredentialOpener, openCredential, parseOpeningKeys } from "./credentials/open-credential.ts";
export {
  type RotationKeys,
  type RotationReport,
  rotateCredentials,
} from "./credentials/rotate-credentials.ts";
export { saveDerivedCredentials } from "./credentials/save-derived-credentials.ts";
