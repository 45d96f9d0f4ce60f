// The RLS-bypassing side of the database. Import only from the runner and operator scripts, never from the API.
export { asService } from "./client/service.ts";
export { loadCredentials, type StoredCredentials } from "./credentials/credential-store.ts";
export { type RotationReport, rotateCredentials } from "./credentials/rotate-credentials.ts";
